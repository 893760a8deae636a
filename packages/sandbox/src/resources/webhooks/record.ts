import { JournaledMap } from '../../internal/journal.js';
import type { Account } from '../../internal/state.js';
import type { SandboxCore } from '../../internal/core.js';
import type { IntegrationRecord } from '../integrations/record.js';
import type { TableDef } from '../table.js';

export interface WebhookRecord {
  id: string;
  url: string;
  events: string[];
  secret_key: string;
  metadata: Record<string, unknown>;
  seq: number;
}

/** A webhook of the whole account (user-scoped), for events that belong to no integration. */
export interface UserWebhookRecord extends WebhookRecord {
  owner: Account;
}

/** What an event belongs to: one integration, or the whole account (user-scoped). */
export type EventSource = { integration: IntegrationRecord } | { account: Account };

/** The webhooks an event of `source` goes to: the integration's own, or the account's user-scoped ones. */
export function webhooksOf(core: SandboxCore, source: EventSource): Iterable<WebhookRecord> {
  if ('integration' in source) return source.integration.data.get(WEBHOOKS).values();
  return [...core.tables.get(USER_WEBHOOKS).values()].filter((webhook) => webhook.owner === source.account);
}

export const USER_WEBHOOKS: TableDef<UserWebhookRecord> = {
  name: 'userWebhooks',
  scope: 'sandbox',
  noun: 'webhook',
  create: () => new JournaledMap<string, UserWebhookRecord>(),
  dump: ({ owner, ...webhook }) => ({ ...webhook, owner: owner.token }),
  load: (raw, { core }) => {
    const owner = core.accounts.get(String(raw.owner));
    if (!owner) throw new Error(`webhook ${String(raw.id)}: unknown owner`);
    return { ...(raw as unknown as UserWebhookRecord), owner };
  },
};

export const WEBHOOKS: TableDef<WebhookRecord> = {
  name: 'webhooks',
  scope: 'integration',
  noun: 'webhook',
  create: () => new JournaledMap<string, WebhookRecord>(),
  dump: (webhook) => ({ ...webhook }),
  load: (raw) => ({ ...raw }) as unknown as WebhookRecord,
};
