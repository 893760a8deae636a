import { JournaledMap } from '../../internal/journal.js';
import type { TableDef } from '../table.js';

export interface WebhookRecord {
  id: string;
  url: string;
  events: string[];
  secret_key: string;
  metadata: Record<string, unknown>;
  seq: number;
}

export const WEBHOOKS: TableDef<WebhookRecord> = {
  name: 'webhooks',
  scope: 'integration',
  noun: 'webhook',
  create: () => new JournaledMap<string, WebhookRecord>(),
  dump: (webhook) => ({ ...webhook }),
  load: (raw) => ({ ...raw }) as unknown as WebhookRecord,
};
