/**
 * Webhooks of two scopes (Gigapay §Webhooks): one whose events are all user-scoped
 * (`Registration.*`) belongs to the account and needs no `Integration-ID`; one with any
 * integration-scoped event (`Employee.*`, `Payout.*`, `Payrun.*`) belongs to the `Integration-ID`
 * integration, and without that header it is refused with `403` (the spec's decision). The events
 * decide the scope, not the header: a change of events that changes it moves the webhook.
 * With `Integration-ID`, a request sees both kinds (the integration's first, for a lookup by id);
 * without it, only the account's user-scoped ones.
 */
import { detailError, fieldError, notFound } from '../../internal/errors.js';
import { newId, newSecretKey } from '../../internal/ids.js';
import { paginate } from '../../internal/listing.js';
import { nextSeq, update } from '../../internal/state.js';
import { touch, type JournaledMap } from '../../internal/journal.js';
import { has, idValue, metadataValue, objectBody, type Handler, type OperationContext } from '../context.js';
import { isUserScoped, USER_WEBHOOKS, userWebhookKey, userWebhooksOf, WEBHOOKS, type WebhookRecord } from './record.js';
import { serializeWebhook } from './serialize.js';

/** Where a webhook is stored: its table and its key there. */
interface Place {
  store: JournaledMap<string, WebhookRecord>;
  key(id: string): string;
  /** The record as this table stores it (a user-scoped one names its owner). */
  adopt(webhook: WebhookRecord): WebhookRecord;
}

const userPlace = (context: OperationContext): Place => ({
  store: context.core.tables.get(USER_WEBHOOKS) as unknown as JournaledMap<string, WebhookRecord>,
  key: (id) => userWebhookKey(context.account, id),
  adopt: (webhook) => Object.assign(webhook, { owner: context.account }),
});

/** The integration's webhooks; refused with the spec's `403` when the request names no integration. */
function integrationPlace(context: OperationContext): Place {
  if (!context.integration) throw detailError(403, 'Integration-ID header is required for a webhook with integration-scoped events (Employee.*, Payout.*, Payrun.*).');
  return {
    store: context.integration.data.get(WEBHOOKS),
    key: (id) => id,
    adopt: (webhook) => {
      delete (webhook as Partial<{ owner: unknown }>).owner;
      return webhook;
    },
  };
}

const placeFor = (context: OperationContext, events: readonly string[]): Place => (isUserScoped(events) ? userPlace(context) : integrationPlace(context));

/** The places this request sees, in lookup order. */
const visiblePlaces = (context: OperationContext): Place[] => (context.integration ? [integrationPlace(context), userPlace(context)] : [userPlace(context)]);

/** The webhook `id` and where it is, among those the request sees; else the API's 404. */
function lookup(context: OperationContext): { webhook: WebhookRecord; place: Place } {
  const id = context.params.id!;
  for (const place of visiblePlaces(context)) {
    const webhook = place.store.get(place.key(id));
    if (webhook) return { webhook, place };
  }
  throw notFound();
}

/**
 * Refuses an id that another webhook the request sees has. Ids are unique per account or
 * integration; checking every place the request sees also keeps its lookups by id unambiguous.
 */
function checkWebhookIdFree(context: OperationContext, id: string | undefined, current?: WebhookRecord): void {
  if (id === undefined) return;
  for (const place of visiblePlaces(context)) {
    const other = place.store.get(place.key(id));
    if (other !== undefined && other !== current) throw fieldError('id', `${WEBHOOKS.noun} with this id already exists.`);
  }
}

const events = (value: unknown): string[] => (Array.isArray(value) ? [...new Set(value.map(String))] : []);
const secret = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Stores `webhook` under `id` in the place its events call for, leaving `from` (a move between scopes, a rename, or both). */
function store(context: OperationContext, webhook: WebhookRecord, id: string, from?: Place): void {
  const to = placeFor(context, webhook.events);
  if (from) from.store.delete(from.key(webhook.id));
  touch(webhook);
  webhook.id = id;
  to.store.set(to.key(id), to.adopt(webhook));
}

/** Where PATCH and PUT start: the webhook and its place, the body, and its new id if any (checked to be free). */
function editing(context: OperationContext) {
  const { webhook, place } = lookup(context);
  const input = objectBody(context.body);
  const id = idValue(input.id);
  checkWebhookIdFree(context, id, webhook);
  return { webhook, place, input, id: id ?? webhook.id };
}

export const webhookHandlers: Record<string, Handler> = {
  listWebhooks(context) {
    // Both kinds, oldest first, merged lazily so that a page visits only its own webhooks.
    const integration = context.integration?.data.get(WEBHOOKS);
    const mine = userWebhooksOf(context.core, context.account);
    const listing = { count: (integration?.size ?? 0) + mine.length, items: mergedBySeq(integration?.oldest() ?? [], mine) };
    return { status: 200, body: paginate(listing, context.url, serializeWebhook) };
  },

  createWebhook(context) {
    const input = objectBody(context.body);
    const id = idValue(input.id);
    const webhook: WebhookRecord = {
      id: id ?? newId(),
      url: String(input.url),
      events: events(input.events),
      secret_key: secret(input.secret_key) ?? newSecretKey(),
      metadata: metadataValue(input.metadata),
      seq: nextSeq(),
    };
    placeFor(context, webhook.events);
    checkWebhookIdFree(context, id);
    store(context, webhook, webhook.id);
    return { status: 201, body: serializeWebhook(webhook) };
  },

  retrieveWebhook(context) {
    return { status: 200, body: serializeWebhook(lookup(context).webhook) };
  },

  updateWebhook(context) {
    const { webhook, place, input, id } = editing(context);
    if (has(input, 'url')) update(webhook, { url: String(input.url) });
    if (has(input, 'events')) update(webhook, { events: events(input.events) });
    if (secret(input.secret_key)) update(webhook, { secret_key: secret(input.secret_key)! });
    if (has(input, 'metadata')) update(webhook, { metadata: metadataValue(input.metadata, webhook.metadata) });
    store(context, webhook, id, place);
    return { status: 200, body: serializeWebhook(webhook) };
  },

  /** PUT without `secret_key` rotates the secret, as Gigapay's example shows. */
  replaceWebhook(context) {
    const { webhook, place, input, id } = editing(context);
    update(webhook, {
      url: String(input.url),
      events: events(input.events),
      secret_key: secret(input.secret_key) ?? newSecretKey(),
      metadata: metadataValue(input.metadata),
    });
    store(context, webhook, id, place);
    return { status: 200, body: serializeWebhook(webhook) };
  },

  deleteWebhook(context) {
    const { webhook, place } = lookup(context);
    place.store.delete(place.key(webhook.id));
    return { status: 204 };
  },
};

/** Two sequences each in creation order, merged into one in creation order, lazily. */
function* mergedBySeq(first: Iterable<WebhookRecord>, second: Iterable<WebhookRecord>): Generator<WebhookRecord> {
  const a = first[Symbol.iterator]();
  const b = second[Symbol.iterator]();
  let x = a.next();
  let y = b.next();
  while (!x.done || !y.done) {
    if (y.done || (!x.done && x.value.seq <= y.value.seq)) {
      yield x.value as WebhookRecord;
      x = a.next();
    } else {
      yield y.value;
      y = b.next();
    }
  }
}
