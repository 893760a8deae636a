import { fieldError } from '../../internal/errors.js';
import { newId } from '../../internal/ids.js';
import { paginate } from '../../internal/listing.js';
import { nextSeq, update } from '../../internal/state.js';
import { has, objectBody, type Handler, type OperationContext } from '../context.js';
import { integrationsOf } from '../integrations/record.js';
import { findOr404 } from '../table.js';
import { approveRegistration, integrationIdTaken, registrationLifecycle } from './lifecycle.js';
import { registrationsOf, type RegistrationFields, type RegistrationRecord } from './record.js';
import { serializeRegistration } from './serialize.js';

/** Registrations are the account's own (no `Integration-ID`); another account's is as unknown as a missing one. */
const lookup = (context: OperationContext): RegistrationRecord =>
  findOr404(registrationsOf(context.core), context.params.id, (registration) => registration.owner === context.account);

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

/**
 * `integration_id` must be free: no integration has it (their ids are unique sandbox-wide) and no
 * other registration will create it, so approval can always create the Integration.
 */
function checkIntegrationIdFree(context: OperationContext, id: string, current?: RegistrationRecord): void {
  if (id === current?.integration_id) return;
  const pending = [...registrationsOf(context.core).values()].some((registration) => registration !== current && registration.integration_id === id);
  if (pending || integrationsOf(context.core).has(id)) throw fieldError('integration_id', integrationIdTaken(id));
}

/** The fields of a create or replace body (already valid against `RegistrationCreate`): omitted optional ones take their defaults. */
function writableFields(input: Record<string, unknown>, integrationId: string): RegistrationFields {
  return {
    integration_id: integrationId,
    tin_number: text(input.tin_number),
    vat_number: text(input.vat_number),
    registered_name: text(input.registered_name),
    friendly_name: text(input.friendly_name),
    address_line_1: text(input.address_line_1),
    address_line_2: text(input.address_line_2),
    state: typeof input.state === 'string' ? input.state : null,
    zip_code: text(input.zip_code),
    city: text(input.city),
    email: text(input.email),
    phone_number: text(input.phone_number),
    country: text(input.country),
    signatory_name: text(input.signatory_name),
    signatory_email: text(input.signatory_email),
    finance_email: text(input.finance_email),
    technical_email: text(input.technical_email),
    invoice_email: text(input.invoice_email),
  };
}

/** Where PATCH, PUT and DELETE start: the registration, if it may still change. */
function changing(context: OperationContext, step: 'update' | 'replace' | 'delete'): RegistrationRecord {
  const registration = lookup(context);
  registrationLifecycle.check(registration, step);
  return registration;
}

export const registrationHandlers: Record<string, Handler> = {
  listRegistrations(context) {
    return { status: 200, body: paginate(registrationsOf(context.core).ownedBy(context.account), context.url, serializeRegistration) };
  },

  createRegistration(context) {
    const input = objectBody(context.body);
    const integrationId = text(input.integration_id, newId());
    checkIntegrationIdFree(context, integrationId);
    const registration: RegistrationRecord = { ...writableFields(input, integrationId), id: newId(), needs_review: true, owner: context.account, seq: nextSeq() };
    registrationsOf(context.core).set(registration.id, registration);
    return { status: 201, body: serializeRegistration(registration) };
  },

  retrieveRegistration(context) {
    return { status: 200, body: serializeRegistration(lookup(context)) };
  },

  updateRegistration(context) {
    const registration = changing(context, 'update');
    const input = objectBody(context.body);
    const fields = writableFields(input, text(input.integration_id, registration.integration_id));
    checkIntegrationIdFree(context, fields.integration_id, registration);
    update(registration, Object.fromEntries(Object.entries(fields).filter(([key]) => has(input, key))));
    return { status: 200, body: serializeRegistration(registration) };
  },

  /** PUT: omitted optional fields go back to their defaults; an omitted `integration_id` keeps the current one. */
  replaceRegistration(context) {
    const registration = changing(context, 'replace');
    const input = objectBody(context.body);
    const fields = writableFields(input, text(input.integration_id, registration.integration_id));
    checkIntegrationIdFree(context, fields.integration_id, registration);
    update(registration, fields);
    return { status: 200, body: serializeRegistration(registration) };
  },

  deleteRegistration(context) {
    registrationsOf(context.core).delete(changing(context, 'delete').id);
    return { status: 204 };
  },

  /** Demo-server only at Gigapay; the sandbox plays the demo server, so it approves at once. */
  approveRegistration(context) {
    return { status: 200, body: serializeRegistration(approveRegistration(context.core, lookup(context))) };
  },
};
