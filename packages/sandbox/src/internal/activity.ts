/**
 * What the sandbox tells a listener as it works, one entry per answered request and one per
 * webhook delivery attempt, for a log at the developer's desk (the CLI prints them). An entry
 * never carries a body or a credential: method, path, status and timing only.
 *
 * A listener runs after the answer is built (or the attempt is over) and what it throws is
 * ignored: listening can never change an answer, a commit or a delivery.
 */

/** One answered request, as `onRequest` receives it. */
export interface RequestLogEntry {
  /** As sent, e.g. `POST`. */
  method: string;
  /** The path without the query, e.g. `/v2/payouts/`. */
  path: string;
  /** The status answered; `null` when the connection was dropped (an injected `drop` fault) instead. */
  status: number | null;
  /** From the request reaching the sandbox to its answer being built. */
  durationMs: number;
  /** The stored answer of an earlier request with the same `Idempotency-Key` (`Idempotent-Replayed: true`). */
  replayed: boolean;
}

/** One webhook delivery attempt, once it is over, as `onDelivery` receives it. */
export interface DeliveryLogEntry {
  /** The event name, e.g. `Payout.created`. */
  event: string;
  /** The webhook's URL. */
  url: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** Attempts a delivery gets in all (the `webhooks.attempts` option). */
  attempts: number;
  /** The receiver's status; `null` when it never answered (network error, timeout). */
  status: number | null;
  /** Why the attempt failed (a non-2xx, a network error, a timeout); `null` when it succeeded. */
  error: string | null;
  /** From sending the attempt to its answer, its error or its timeout. */
  durationMs: number;
  /** `retrying`: another attempt follows; `failed`: this was the last one. */
  outcome: 'delivered' | 'retrying' | 'failed';
}

export type RequestListener = (entry: RequestLogEntry) => void;
export type DeliveryListener = (entry: DeliveryLogEntry) => void;

/** Runs `say` (a log line, a listener), ignoring what it throws: said after a commit or an attempt, it must not change the answer or the delivery. */
export function quietly(say: () => void): void {
  try {
    say();
  } catch {
    // the answer stands; there is nowhere else to say it
  }
}

/** Calls `listener` with `entry`, ignoring what it throws (see above). */
export function tell<T>(listener: ((entry: T) => void) | undefined, entry: T): void {
  if (listener) quietly(() => listener(entry));
}

/** The connection a request came on, as @hono/node-server passes it (absent in-process). */
interface NodeEnv {
  incoming?: { socket?: { destroyed?: boolean } };
}

/**
 * `fetch` (the app's, with Node's bindings as its second argument) telling `listener` about each
 * request it answers. Without a listener, `fetch` itself.
 */
export function withRequestLog<E>(fetch: (request: Request, env?: E) => Response | Promise<Response>, listener: RequestListener | undefined): (request: Request, env?: E) => Promise<Response> {
  if (!listener) return async (request, env) => fetch(request, env);
  return async (request, env) => {
    const started = performance.now();
    const entry = (status: number | null, replayed: boolean): RequestLogEntry => ({
      method: request.method,
      path: new URL(request.url).pathname,
      status,
      durationMs: performance.now() - started,
      replayed,
    });
    let response: Response;
    try {
      response = await fetch(request, env);
    } catch (error) {
      // In-process, a dropped connection (and nothing else) is thrown: the caller sees no status.
      tell(listener, entry(null, false));
      throw error;
    }
    // Over HTTP a drop destroys the socket and answers a placeholder nobody receives.
    const dropped = (env as NodeEnv | undefined)?.incoming?.socket?.destroyed === true;
    tell(listener, entry(dropped ? null : response.status, response.headers.get('idempotent-replayed') === 'true'));
    return response;
  };
}

/** `POST /v2/payouts/ 201 12ms`, `… (replayed)`, or `… dropped` for a cut connection. */
export function requestLine(entry: RequestLogEntry): string {
  const status = entry.status === null ? 'dropped' : String(entry.status);
  return `${entry.method} ${entry.path} ${status} ${Math.round(entry.durationMs)}ms${entry.replayed ? ' (replayed)' : ''}`;
}

/** `webhook Payout.created -> https://example.com/hook 200 (attempt 1/3)`, with the error and what follows when it failed. */
export function deliveryLine(entry: DeliveryLogEntry): string {
  const result = entry.error === null ? String(entry.status) : `failed: ${entry.error}`;
  const next = entry.outcome === 'retrying' ? ', retrying' : entry.outcome === 'failed' && entry.error !== null ? ', giving up' : '';
  return `webhook ${entry.event} -> ${withoutUserinfo(entry.url)} ${result} (attempt ${entry.attempt}/${entry.attempts}${next})`;
}

/** A URL's `user:password@` is a secret of the receiver: never printed. */
function withoutUserinfo(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}
