import { detailError, nonFieldError } from '../../internal/errors.js';
import { applyAll, oldestFirst, paginate } from '../../internal/listing.js';
import { update } from '../../internal/state.js';
import { has, idValue, metadataValue, objectBody, type Handler, type OperationContext } from '../context.js';
import { checkIdFree, findOr404, renameRecord } from '../table.js';
import { INTEGRATIONS, integrationsOf, type IntegrationRecord } from './record.js';
import { serializeIntegration } from './serialize.js';

/**
 * Integrations are the account's own (not `Integration-ID` scoped); ids are unique sandbox-wide.
 * There is no create: integrations come with the sandbox's accounts (and from approved registrations).
 */
function lookup(context: OperationContext): IntegrationRecord {
  // Another account's integration is as unknown as a missing one.
  return findOr404(integrationsOf(context.core), context.params.id, (integration) => integration.owner === context.account);
}

const checkId = (context: OperationContext, id: string | undefined, current?: IntegrationRecord): void =>
  checkIdFree(integrationsOf(context.core), INTEGRATIONS.noun, id, current);

/**
 * A JSON logo is a base64 image; the API answers with a URL where it would be served. A value that
 * is already a URL is kept (normalised, so it is one the spec's `format: uri` accepts).
 */
function logoUrl(value: unknown, id: string): string | null {
  if (typeof value !== 'string' || value === '') return null;
  if (/^https?:\/\//.test(value) && URL.canParse(value)) return new URL(value).href;
  return `https://sandbox.gigapay.invalid/logos/${encodeURIComponent(id)}.png`;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function writableFields(input: Record<string, unknown>, id: string) {
  return {
    name: text(input.name),
    logo: logoUrl(input.logo, id),
    metadata: metadataValue(input.metadata),
    email: text(input.email),
    recipient: text(input.recipient),
    address_line_1: text(input.address_line_1),
    address_line_2: typeof input.address_line_2 === 'string' ? input.address_line_2 : null,
    zip_code: text(input.zip_code),
    city: text(input.city),
  };
}

function refuseReadOnly(integration: IntegrationRecord): void {
  if (integration.type === 2) throw detailError(403, 'Integrations of type 2 (invoice integrations) are read-only.');
}

/** Where PATCH and PUT start: the integration (not type 2), the body, and its new `id` if any (checked to be free). */
function editing(context: OperationContext) {
  const integration = lookup(context);
  refuseReadOnly(integration);
  const input = objectBody(context.body);
  const id = idValue(input.id);
  checkId(context, id, integration);
  return { integration, input, id };
}

export const integrationHandlers: Record<string, Handler> = {
  listIntegrations(context) {
    const type = context.query.get('type');
    const mine = applyAll(integrationsOf(context.core).values(), [
      (integration) => integration.owner === context.account,
      (integration) => !type || String(integration.type) === type,
    ]);
    return { status: 200, body: paginate(oldestFirst(mine), context.url, serializeIntegration) };
  },

  retrieveIntegration(context) {
    return { status: 200, body: serializeIntegration(lookup(context)) };
  },

  updateIntegration(context) {
    const { integration, input, id } = editing(context);
    const fields = writableFields(input, id ?? integration.id);
    update(integration, Object.fromEntries(Object.entries(fields).filter(([key]) => has(input, key))));
    renameRecord(integrationsOf(context.core), integration, id);
    return { status: 200, body: serializeIntegration(integration) };
  },

  replaceIntegration(context) {
    const { integration, input, id } = editing(context);
    update(integration, writableFields(input, id ?? integration.id));
    renameRecord(integrationsOf(context.core), integration, id);
    return { status: 200, body: serializeIntegration(integration) };
  },

  deleteIntegration(context) {
    const integration = lookup(context);
    if (integration.type !== 3) throw detailError(403, `Integrations of type ${integration.type} cannot be deleted.`);
    if (!integration.data.isEmpty) throw nonFieldError('An integration that still has objects (employees, payouts, payruns, invoices, webhooks…) cannot be deleted.');
    integrationsOf(context.core).delete(integration.id);
    return { status: 204 };
  },
};
