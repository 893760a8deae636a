import { fieldError, notFound } from '../internal/errors.js';
import { newId, newSecretKey } from '../internal/ids.js';
import { oldestFirst, paginate } from '../internal/listing.js';
import { serializeWebhook } from '../internal/serialize.js';
import { nextSeq, rekey, update, type IntegrationData, type WebhookRecord } from '../internal/state.js';
import { has, idValue, metadataValue, objectBody, scoped, type Handler, type OperationContext } from './context.js';

function lookup(context: OperationContext): WebhookRecord {
  const webhook = scoped(context).data.webhooks.get(context.params.id!);
  if (!webhook) throw notFound();
  return webhook;
}

function checkId(data: IntegrationData, id: string | undefined, current?: WebhookRecord): void {
  if (id !== undefined && id !== current?.id && data.webhooks.has(id)) throw fieldError('id', 'webhook with this id already exists.');
}

/** Where PATCH and PUT start: the webhook, the body, and its new `id` if any (checked to be free). */
function editing(context: OperationContext) {
  const { data } = scoped(context);
  const webhook = lookup(context);
  const input = objectBody(context.body);
  const id = idValue(input.id);
  checkId(data, id, webhook);
  return { data, webhook, input, id, oldId: webhook.id };
}

const events = (value: unknown): string[] => (Array.isArray(value) ? [...new Set(value.map(String))] : []);
const secret = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export const webhookHandlers: Record<string, Handler> = {
  listWebhooks(context) {
    const { data } = scoped(context);
    return { status: 200, body: paginate(oldestFirst([...data.webhooks.values()]), context.url, serializeWebhook) };
  },

  createWebhook(context) {
    const { data } = scoped(context);
    const input = objectBody(context.body);
    const id = idValue(input.id);
    checkId(data, id);
    const webhook: WebhookRecord = {
      id: id ?? newId(),
      url: String(input.url),
      events: events(input.events),
      secret_key: secret(input.secret_key) ?? newSecretKey(),
      metadata: metadataValue(input.metadata),
      seq: nextSeq(),
    };
    data.webhooks.set(webhook.id, webhook);
    return { status: 201, body: serializeWebhook(webhook) };
  },

  retrieveWebhook(context) {
    return { status: 200, body: serializeWebhook(lookup(context)) };
  },

  updateWebhook(context) {
    const { data, webhook, input, id, oldId } = editing(context);
    if (id !== undefined) update(webhook, { id });
    if (has(input, 'url')) update(webhook, { url: String(input.url) });
    if (has(input, 'events')) update(webhook, { events: events(input.events) });
    if (secret(input.secret_key)) update(webhook, { secret_key: secret(input.secret_key)! });
    if (has(input, 'metadata')) update(webhook, { metadata: metadataValue(input.metadata, webhook.metadata) });
    rekey(data.webhooks, oldId, webhook);
    return { status: 200, body: serializeWebhook(webhook) };
  },

  /** PUT without `secret_key` rotates the secret, as Gigapay's example shows. */
  replaceWebhook(context) {
    const { data, webhook, input, id, oldId } = editing(context);
    update(webhook, {
      id: id ?? oldId,
      url: String(input.url),
      events: events(input.events),
      secret_key: secret(input.secret_key) ?? newSecretKey(),
      metadata: metadataValue(input.metadata),
    });
    rekey(data.webhooks, oldId, webhook);
    return { status: 200, body: serializeWebhook(webhook) };
  },

  deleteWebhook(context) {
    const { data } = scoped(context);
    data.webhooks.delete(lookup(context).id);
    return { status: 204 };
  },
};
