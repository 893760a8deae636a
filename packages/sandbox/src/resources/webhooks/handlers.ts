import { newId, newSecretKey } from '../../internal/ids.js';
import type { JournaledMap } from '../../internal/journal.js';
import { oldestFirst, paginate } from '../../internal/listing.js';
import { nextSeq, update } from '../../internal/state.js';
import { has, idValue, metadataValue, objectBody, scoped, type Handler, type OperationContext } from '../context.js';
import { checkIdFree, findOr404, renameRecord } from '../table.js';
import { WEBHOOKS, type WebhookRecord } from './record.js';
import { serializeWebhook } from './serialize.js';

const webhooksOf = (context: OperationContext): JournaledMap<string, WebhookRecord> => scoped(context).data.get(WEBHOOKS);
const lookup = (context: OperationContext): WebhookRecord => findOr404(webhooksOf(context), context.params.id);

/** Where PATCH and PUT start: the webhook, the body, and its new `id` if any (checked to be free). */
function editing(context: OperationContext) {
  const webhooks = webhooksOf(context);
  const webhook = lookup(context);
  const input = objectBody(context.body);
  const id = idValue(input.id);
  checkIdFree(webhooks, WEBHOOKS.noun, id, webhook);
  return { webhooks, webhook, input, id };
}

const events = (value: unknown): string[] => (Array.isArray(value) ? [...new Set(value.map(String))] : []);
const secret = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export const webhookHandlers: Record<string, Handler> = {
  listWebhooks(context) {
    return { status: 200, body: paginate(oldestFirst([...webhooksOf(context).values()]), context.url, serializeWebhook) };
  },

  createWebhook(context) {
    const webhooks = webhooksOf(context);
    const input = objectBody(context.body);
    const id = idValue(input.id);
    checkIdFree(webhooks, WEBHOOKS.noun, id);
    const webhook: WebhookRecord = {
      id: id ?? newId(),
      url: String(input.url),
      events: events(input.events),
      secret_key: secret(input.secret_key) ?? newSecretKey(),
      metadata: metadataValue(input.metadata),
      seq: nextSeq(),
    };
    webhooks.set(webhook.id, webhook);
    return { status: 201, body: serializeWebhook(webhook) };
  },

  retrieveWebhook(context) {
    return { status: 200, body: serializeWebhook(lookup(context)) };
  },

  updateWebhook(context) {
    const { webhooks, webhook, input, id } = editing(context);
    if (has(input, 'url')) update(webhook, { url: String(input.url) });
    if (has(input, 'events')) update(webhook, { events: events(input.events) });
    if (secret(input.secret_key)) update(webhook, { secret_key: secret(input.secret_key)! });
    if (has(input, 'metadata')) update(webhook, { metadata: metadataValue(input.metadata, webhook.metadata) });
    renameRecord(webhooks, webhook, id);
    return { status: 200, body: serializeWebhook(webhook) };
  },

  /** PUT without `secret_key` rotates the secret, as Gigapay's example shows. */
  replaceWebhook(context) {
    const { webhooks, webhook, input, id } = editing(context);
    update(webhook, {
      url: String(input.url),
      events: events(input.events),
      secret_key: secret(input.secret_key) ?? newSecretKey(),
      metadata: metadataValue(input.metadata),
    });
    renameRecord(webhooks, webhook, id);
    return { status: 200, body: serializeWebhook(webhook) };
  },

  deleteWebhook(context) {
    webhooksOf(context).delete(lookup(context).id);
    return { status: 204 };
  },
};
