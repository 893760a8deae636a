/**
 * Receiving a delivery as Gigapay sends it today: the event's name in `Gigapay-Event`, the
 * integration in `Gigapay-Integration-Id` (absent for a user-scoped event, `Registration.verified`),
 * and the object that triggered it as the body, signed. `constructWebhookEvent` is Stripe's
 * `constructEvent`: verify, then give the event typed by its name; `receiveWebhook` also routes it
 * to a handler per event name.
 *
 * Event names are open: Gigapay added two in 2025. A name this version does not know is given as
 * `known: false` with a `payload` of type `unknown`, to the `fallback` if there is one, never a throw.
 */
import type { WebhookEventName, WebhookPayloads } from '@gigapay/types';
import { toText } from './internal/payload.js';
import type { Expand } from './types.js';
import { verifyWebhookSignature, WebhookSignatureError, type VerifyWebhookOptions } from './webhooks.js';

/** The 11 events of this version (test/webhook-events.test.ts holds it equal to the spec's webhooks). */
const KNOWN: readonly string[] = [
  'Employee.created',
  'Employee.notified',
  'Employee.claimed',
  'Employee.verified',
  'Payout.created',
  'Payout.notified',
  'Payout.accepted',
  'Payout.canceled',
  'Payrun.created',
  'Payrun.paid',
  'Registration.verified',
];

/** A delivery of the event `Event`: its object (expandable fields as ids), and whom it concerns. */
export interface KnownWebhookEvent<Event extends WebhookEventName = WebhookEventName> {
  /** One of the 11 events of this version. */
  known: true;
  /** `Gigapay-Event`. */
  event: Event;
  /** The object that triggered the event, as the API represents it. */
  payload: Expand<WebhookPayloads[Event]>;
  /** `Gigapay-Integration-Id`: the integration's id; `undefined` for a user-scoped event (`Registration.verified`). */
  integrationId: string | undefined;
  /** `t` of the signature, in Unix seconds. */
  timestamp: number;
}

/** A delivery of an event this version does not know (one Gigapay added since): its name, and its body parsed. */
export interface UnknownWebhookEvent {
  /** An event Gigapay added after this version. */
  known: false;
  /** `Gigapay-Event`: any other string. */
  event: string;
  /** The body, parsed: not typed, since this version does not know the event. */
  payload: unknown;
  /** `Gigapay-Integration-Id`, if any. */
  integrationId: string | undefined;
  /** `t` of the signature, in Unix seconds. */
  timestamp: number;
}

/**
 * A verified delivery. `known` tells the 11 events of this version from a later one; once it is
 * `true`, `event` narrows `payload` (`if (e.known && e.event === 'Payrun.paid') e.payload // Payrun`).
 */
export type WebhookEvent = { [Event in WebhookEventName]: KnownWebhookEvent<Event> }[WebhookEventName] | UnknownWebhookEvent;

/** The request's headers: a `Headers` (fetch, Hono, a Next.js route handler), or Node's `req.headers` (`node:http`, Express). */
export type WebhookHeaders = Headers | Record<string, string | readonly string[] | undefined>;

/** `verifyWebhookSignature`'s options, with the request's headers in place of the signature header. */
export interface ConstructWebhookEventOptions extends Omit<VerifyWebhookOptions, 'header'> {
  /** The request's headers, where `Gigapay-Signature`, `Gigapay-Event` and `Gigapay-Integration-Id` are read. */
  headers: WebhookHeaders;
  /**
   * The event of a delivery without `Gigapay-Event` (Gigapay sends it since late 2025): the one
   * event this URL is subscribed to. `Gigapay-Event` wins when present.
   * @default undefined
   */
  event?: WebhookEventName | undefined;
}

/**
 * A handler per event name, given the event's object (and the whole delivery). The 1.x names are
 * refused with the name to use: `Invoice.created` and `Invoice.paid` are `Payrun.created` and
 * `Payrun.paid` since 2.0 (Gigapay renamed them in July 2025).
 */
export type WebhookHandlers = {
  [Event in WebhookEventName]?: (payload: Expand<WebhookPayloads[Event]>, event: KnownWebhookEvent<Event>) => unknown;
} & {
  'Invoice.created'?: { "renamed in 2.0: handle 'Payrun.created'": never };
  'Invoice.paid'?: { "renamed in 2.0: handle 'Payrun.paid'": never };
};

/** `constructWebhookEvent`'s options, with a handler per event name. */
export interface ReceiveWebhookOptions extends ConstructWebhookEventOptions {
  /** The handler of each event you receive, keyed by its name (`'Payrun.paid'`). */
  handlers: WebhookHandlers;
  /**
   * Given every delivery no handler takes: a known event without a handler, or an event this
   * version does not know. Without it, those are ignored (and still resolve: answer them 2xx, or
   * Gigapay retries them).
   * @default undefined
   */
  fallback?: ((event: WebhookEvent) => unknown) | undefined;
}

/** A header by its (lower-case) name, from a `Headers` or from a plain object in any case. */
function headerOf(headers: WebhookHeaders, name: string) {
  const value =
    typeof headers.get == 'function' ? (headers as Headers).get(name) : Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return value ?? undefined;
}

/**
 * Verifies the signature (throwing a `WebhookSignatureError`, as `verifyWebhookSignature` does),
 * then gives the event: its name from `Gigapay-Event` (else `event`), its integration, and its
 * object typed by the name. A 1.x name (`Invoice.paid`, of a delivery retried from before the
 * rename) is given as its 2.0 name (`Payrun.paid`): the object is the same.
 */
export async function constructWebhookEvent(options: ConstructWebhookEventOptions): Promise<WebhookEvent> {
  const { headers } = options;
  const { timestamp } = await verifyWebhookSignature({ ...options, header: headerOf(headers, 'gigapay-signature') });
  const named = headerOf(headers, 'gigapay-event');
  const event = typeof named == 'string' ? named.trim().replace(/^Invoice\./, 'Payrun.') : options.event;
  if (!event) throw new WebhookSignatureError('missing_event', 'no Gigapay-Event header: pass `event`, the event this URL receives');
  const integrationId = headerOf(headers, 'gigapay-integration-id');
  return {
    known: KNOWN.includes(event),
    event,
    integrationId: typeof integrationId == 'string' ? integrationId : undefined,
    payload: JSON.parse(toText(options.payload)),
    timestamp,
  } as WebhookEvent;
}

/**
 * `constructWebhookEvent`, then the handler of its event (or the `fallback`), awaited. Resolves
 * with the event once the handler is done; rejects with what the handler threw.
 */
export async function receiveWebhook(options: ReceiveWebhookOptions): Promise<WebhookEvent> {
  const received = await constructWebhookEvent(options);
  const handler = received.known ? (options.handlers[received.event] as (payload: unknown, event: WebhookEvent) => unknown) : undefined;
  await (handler ? handler(received.payload, received) : options.fallback?.(received));
  return received;
}
