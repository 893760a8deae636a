import { OwnedRecordStore, RecordStore } from '../../internal/record-store.js';
import type { Account } from '../../internal/state.js';
import type { SandboxCore } from '../../internal/core.js';
import type { IntegrationRecord } from '../integrations/record.js';
import { loadOwner, type TableDef } from '../table.js';

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

/** The webhooks an `event` of `source` goes to: the integration's own, or the account's user-scoped ones, subscribed to it. */
export function webhooksOf(core: SandboxCore, source: EventSource, event: string): Iterable<WebhookRecord> {
  if ('integration' in source) return source.integration.data.get(WEBHOOKS).subscribedTo(event);
  return core.tables.get(USER_WEBHOOKS).ownedBy(source.account).filter((webhook) => webhook.events.includes(event));
}

/** An integration's webhooks, indexed by event (an event finds its subscribers without a scan of all). */
export class WebhookStore extends RecordStore<WebhookRecord> {
  private readonly byEvent = this.index((webhook) => webhook.events);

  /** The webhooks subscribed to `event`, oldest first. */
  subscribedTo(event: string): WebhookRecord[] {
    return this.byEvent.oldestFirst(event);
  }
}

/** Every account's user-scoped webhooks, indexed by owner. */
export class UserWebhookStore extends OwnedRecordStore<UserWebhookRecord> {}

/** A user-scoped webhook's key: ids are unique per account, and the table holds every account's. */
export const userWebhookKey = (owner: Account, id: string): string => `${owner.token}/${id}`;

export const userWebhooksOf = (core: SandboxCore, account: Account): UserWebhookRecord[] => core.tables.get(USER_WEBHOOKS).ownedBy(account);

/** Events that belong to the user account rather than to one integration (`Registration.*`). */
export const isUserScopedEvent = (event: string): boolean => event.startsWith('Registration.');

/** A webhook is user-scoped when every one of its events is; any integration-scoped event makes it the integration's. */
export const isUserScoped = (events: readonly string[]): boolean => events.every(isUserScopedEvent);

export const USER_WEBHOOKS: TableDef<UserWebhookRecord, UserWebhookStore> = {
  name: 'userWebhooks',
  scope: 'sandbox',
  noun: 'webhook',
  create: () => new UserWebhookStore(),
  dump: ({ owner, ...webhook }) => ({ ...webhook, owner: owner.token }),
  load: (raw, context) => ({ ...(raw as unknown as UserWebhookRecord), owner: loadOwner(context, raw, 'webhook') }),
};

export const WEBHOOKS: TableDef<WebhookRecord, WebhookStore> = {
  name: 'webhooks',
  scope: 'integration',
  noun: 'webhook',
  create: () => new WebhookStore(),
  dump: (webhook) => ({ ...webhook }),
  load: (raw) => ({ ...raw }) as unknown as WebhookRecord,
};
