import { ConnectionError, GigapayError, TimeoutError } from '../errors.js';
import type { PendingRequest } from './pending-request.js';
import { isRedirect, redirectError } from './redirect.js';
import { parseRetryAfter, retryDelay, shouldRetry } from './retry-policy.js';
import { attemptSignal, sleep as defaultSleep, type AttemptSignal } from './signals.js';
import type { TransportCallOptions } from './call-options.js';
import { requestIdOf, type Observer } from './logger.js';

export interface TransportOptions {
  fetch: typeof fetch;
  /** Per attempt, until the whole body has arrived (a 2xx body is read by the caller: see `CallState`). */
  timeoutMs: number;
  maxRetries: number;
  /** Waits between attempts; injectable so that tests need not sleep. */
  sleep?: (ms: number, signal?: AbortSignal | null) => Promise<void>;
  /** Randomness for the backoff jitter. */
  random?: () => number;
  /** Told of every attempt (the `logger` and the `onRequest` / `onResponse` hooks). */
  observer?: Observer;
}

/** What the error factory needs of a response that openapi-fetch has already read. */
export interface ResponseContext extends Where {
  rawBody: string | undefined;
}

/** What every error of a request names: in errors' init, so that each may say what to retry with. */
export interface Where {
  method: string;
  url: string;
  idempotencyKey: string | undefined;
}
const contexts = new WeakMap<Response, ResponseContext>();
export const responseContext = (response: Response) => contexts.get(response);

/**
 * What the transport tells the client about one call. A 2xx is handed over unread, its attempt's
 * timer still running so that a body that stalls times out too; the client settles `attempt` once
 * openapi-fetch has read the body, or failed to.
 */
export interface CallState extends TransportCallOptions {
  attempt?: AttemptSignal;
  idempotencyKey?: string;
}

/**
 * The custom `fetch` handed to openapi-fetch: idempotency keys, per-attempt timeouts, retries and
 * redirect refusal. It takes the `PendingRequest` openapi-fetch built. The body of a non-2xx answer
 * is read here, inside the attempt (so a stall is a timeout, and the raw text is kept for the
 * error); a 2xx is handed over unread, since buffering it would cost more than the rest of the
 * client together (see test/client.bench.ts), with its timer still running (see `CallState`).
 */
export function createTransport(options: TransportOptions) {
  const { fetch: send, sleep = defaultSleep, random, observer } = options;

  return async function gigapayFetch(request: PendingRequest, call: CallState = {}): Promise<Response> {
    // The call's own options, else the client's.
    const { timeoutMs = options.timeoutMs, maxRetries = options.maxRetries } = call;
    const { url, method, headers, init } = request;
    // Every POST and PATCH is keyed, so that retrying it (here, or by the caller) cannot repeat it.
    let idempotencyKey = headers.get('idempotency-key') || undefined;
    if (!idempotencyKey && (method === 'POST' || method === 'PATCH')) {
      headers.set('Idempotency-Key', (idempotencyKey = crypto.randomUUID()));
    }
    const keyed = !!idempotencyKey;
    const where: Where = { method, url, idempotencyKey };
    const caller = init.signal;
    // A custom fetch, or a proxy in an error body, may quote the request headers: see `scrub`.
    const secret = headers.get('authorization')?.replace(/^Token\s+/i, '');

    for (let attempt = 0; ; attempt++) {
      const attemptState = attemptSignal(caller, timeoutMs);
      let received: Response | undefined;
      let response: Response | undefined;
      let failure: GigapayError | undefined;
      const event = { method, url: scrub(url, secret), attempt: attempt + 1, idempotencyKey };
      observer?.request(event);
      const started = performance.now();
      const report = (willRetry: boolean) =>
        observer?.response({
          ...event,
          status: received?.status,
          requestId: received && scrub(requestIdOf(received.headers), secret),
          durationMs: performance.now() - started,
          error: failure,
          willRetry,
        });
      try {
        // The same headers (key included) and the same serialised body on every attempt.
        received = await send(url, { ...init, headers, signal: attemptState.signal, redirect: 'manual' });
        if (isRedirect(received)) {
          await received.body?.cancel();
          throw redirectError(received, where);
        }
        if (received.ok) {
          call.attempt = attemptState;
          call.idempotencyKey = idempotencyKey;
          report(false);
          return (response = received);
        }
        response = await buffer(received, where, secret);
      } catch (error) {
        // The caller's abort is the caller's decision: never retried, surfaced as they gave it.
        if (caller?.aborted) throw caller.reason;
        if (error instanceof GigapayError) {
          failure = error;
          report(false);
          throw error;
        }
        const cause = scrub(error, secret);
        failure = attemptState.timedOut()
          ? new TimeoutError(`${method} ${url} timed out after ${timeoutMs} ms`, where)
          : new ConnectionError(`${method} ${url} failed to connect: ${cause?.message ?? cause}`, { ...where, cause });
      } finally {
        if (!response?.ok) attemptState.done();
      }

      const retryAfterMs = response && parseRetryAfter(response.headers.get('retry-after'));
      const retry = shouldRetry({ method, keyed, attempt, maxRetries, status: response?.status, retryAfterMs });
      report(retry);
      if (!retry) {
        if (failure) throw failure;
        return response!;
      }
      await sleep(retryDelay({ attempt, retryAfterMs, random }), caller);
    }
  };
}

/**
 * Reads an error response's body within the attempt, and keeps its raw text for the error. A proxy
 * may echo the request headers: the token is redacted from the body and the headers. Only 4xx and
 * 5xx get here (2xx and 3xx are handled before), none of which is a null-body status.
 */
async function buffer(received: Response, where: Where, secret?: string): Promise<Response> {
  const rawBody = received.body ? scrub(await received.text(), secret) : undefined;
  const { status, statusText } = received;
  const headers = [...received.headers].map(([name, value]): [string, string] => [name, scrub(value, secret)]);
  const response = new Response(rawBody, { status, statusText, headers });
  contexts.set(response, { ...where, rawBody });
  return response;
}

/**
 * A copy of `value` with the token replaced in every string. Of an object (what a custom fetch
 * threw) only `name`, `message` and `code` are copied, and `cause` and `errors` (AggregateError)
 * scrubbed in turn, to a depth of 8: never the original, whose other properties may hold the
 * request headers.
 */
function scrub(value: any, secret?: string, depth = 0): any {
  if (typeof value == 'string') return secret ? value.replaceAll(secret, '[redacted]') : value;
  if (Object(value) !== value) return value; // any other primitive
  if (depth > 8) return undefined;
  if (Array.isArray(value)) return value.map((item) => scrub(item, secret, depth + 1));
  const copy: any = new Error(scrub(String(value.message ?? ''), secret));
  for (const key of ['name', 'code', 'cause', 'errors']) {
    if (value[key] !== undefined) copy[key] = scrub(value[key], secret, depth + 1);
  }
  return copy;
}
