/**
 * Outgoing webhook notifications. Each event is POSTed to every webhook of the integration that
 * subscribes to it: the body is the object (expandable fields as ids), signed as
 * `Gigapay-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret_key, t + "." + body)>`.
 * A delivery that fails (network error, timeout or non-2xx) is retried a few times with a
 * growing delay; every attempt is kept in the delivery log (the newest `logSize` deliveries).
 *
 * Deliveries to one URL go one at a time, in the order of their events, whichever webhook or
 * integration they come from: the next one starts only when the previous one was answered 2xx or
 * used up its attempts (retries included). A receiver never sees a later event before an earlier
 * one, at the price that a slow or failing URL holds back its own later events (not other URLs').
 *
 * `t` is wall-clock time, not sandbox time: receivers check it against their own clock, and an
 * advanced sandbox clock would make every signature look like it came from the future.
 */
import { createHmac } from 'node:crypto';
import { tell, type DeliveryListener } from './activity.js';
import { BoundedLog, DEFAULT_LOG_SIZE } from './bounded-log.js';

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface Delivery {
  id: number;
  event: string;
  /** The integration whose event this is; `null` for an account-wide (user-scoped) event. */
  integrationId: string | null;
  webhookId: string;
  url: string;
  body: string;
  signature: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: DeliveryAttempt[];
}

export interface DeliveryOptions {
  /** Attempts per notification, the first included. @default 3 */
  attempts?: number;
  /** Delay before the second attempt; doubles after each failure. @default 100 */
  retryDelayMs?: number;
  /** Per-attempt timeout. @default 5000 */
  timeoutMs?: number;
}

/** The `Gigapay-Signature` header value for `body` sent at `unixSeconds`. */
export function signPayload(secretKey: string, body: string, unixSeconds: number): string {
  const digest = createHmac('sha256', secretKey).update(`${unixSeconds}.${body}`, 'utf8').digest('hex');
  return `t=${unixSeconds},v1=${digest}`;
}

export class WebhookDeliverer {
  readonly log: BoundedLog<Delivery>;
  /** Told about every attempt once it is over (the `onDelivery` option); what it throws is ignored. */
  onAttempt: DeliveryListener | undefined;
  /** The last queued delivery of each URL: the next one to that URL starts when it is done. */
  private readonly chains = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<Promise<void>>();
  private nextId = 1;
  /** Aborted by `reset()`: cancels the retries and open requests of everything queued before it. */
  private generation = new AbortController();
  private readonly attempts: number;
  private readonly retryDelayMs: number;
  private readonly timeoutMs: number;

  constructor(options: DeliveryOptions = {}, logSize = DEFAULT_LOG_SIZE) {
    this.log = new BoundedLog(logSize);
    this.attempts = Math.max(1, options.attempts ?? 3);
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  /** Queues one notification; deliveries to one URL keep the order of their events. */
  enqueue(target: { integrationId: string | null; webhookId: string; url: string; secretKey: string }, event: string, object: unknown): Delivery {
    const body = JSON.stringify(object);
    const delivery: Delivery = {
      id: this.nextId++,
      event,
      integrationId: target.integrationId,
      webhookId: target.webhookId,
      url: target.url,
      body,
      signature: '',
      state: 'pending',
      attempts: [],
    };
    this.log.push(delivery);
    const chainKey = target.url;
    const previous = this.chains.get(chainKey) ?? Promise.resolve();
    const { signal } = this.generation;
    const run = previous.then(() => this.deliver(delivery, target.secretKey, signal));
    this.chains.set(chainKey, run);
    this.inFlight.add(run);
    void run.finally(() => {
      this.inFlight.delete(run);
      if (this.chains.get(chainKey) === run) this.chains.delete(chainKey);
    });
    return delivery;
  }

  /** Resolves when every queued delivery has succeeded or used up its attempts. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Empties the log and abandons every pending delivery (no further attempts), as in a new sandbox. */
  reset(): void {
    this.generation.abort();
    this.generation = new AbortController();
    this.log.clear();
    this.chains.clear();
    this.inFlight.clear();
    this.nextId = 1;
  }

  private async deliver(delivery: Delivery, secretKey: string, cancelled: AbortSignal): Promise<void> {
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      if (cancelled.aborted) return;
      const started = Date.now();
      const signature = signPayload(secretKey, delivery.body, Math.floor(started / 1000));
      delivery.signature = signature;
      const record: DeliveryAttempt = { at: new Date(started).toISOString(), status: null, error: null, durationMs: 0 };
      try {
        const response = await fetch(delivery.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'gigapay-signature': signature,
            'gigapay-event': delivery.event,
            // Only an integration's own events name it; an account-wide event has no integration.
            ...(delivery.integrationId === null ? {} : { 'gigapay-integration-id': delivery.integrationId }),
            'user-agent': 'gigapay-sandbox',
          },
          body: delivery.body,
          redirect: 'manual',
          signal: AbortSignal.any([cancelled, AbortSignal.timeout(this.timeoutMs)]),
        });
        await response.arrayBuffer().catch(() => undefined);
        record.status = response.status;
        if (response.status < 200 || response.status >= 300) record.error = `receiver answered ${response.status}`;
      } catch (error) {
        if (cancelled.aborted) return;
        record.error = error instanceof Error ? `${error.name}: ${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error);
      }
      record.durationMs = Date.now() - started;
      delivery.attempts.push(record);
      const outcome = record.error === null ? 'delivered' : attempt < this.attempts ? 'retrying' : 'failed';
      if (outcome !== 'retrying') delivery.state = outcome;
      const { event, url } = delivery;
      tell(this.onAttempt, { event, url, attempt, attempts: this.attempts, status: record.status, error: record.error, durationMs: record.durationMs, outcome });
      if (outcome !== 'retrying') return;
      await pause(this.retryDelayMs * 2 ** (attempt - 1), cancelled);
    }
  }
}

/** Waits `ms`, or less if `signal` aborts first. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
