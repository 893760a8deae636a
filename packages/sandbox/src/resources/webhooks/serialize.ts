import type { WebhookRecord } from './record.js';

export function serializeWebhook(record: WebhookRecord) {
  return {
    id: record.id,
    url: record.url,
    events: record.events,
    secret_key: record.secret_key,
    metadata: record.metadata,
  };
}
