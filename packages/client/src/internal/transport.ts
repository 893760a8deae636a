import { ConnectionError, GigapayError, TimeoutError } from '../errors.js';
import type { PendingRequest } from './pending-request.js';
import { isRedirect, redirectError } from './redirect.js';
import { parseRetryAfter, retryDelay, shouldRetry } from './retry-policy.js';
import { attemptSignal, sleep as defaultSleep, type AttemptSignal } from './signals.js';

export interface TransportOptions {
  fetch: typeof fetch;
  /** Per attempt, until the whole body has arrived (a 2xx body is read by the caller: see `CallState`). */
  timeoutMs: number;
  maxRetries: number;
  /** Waits between attempts; injectable so that tests need not sleep. */
  sleep?: (ms: number, signal?: AbortSignal | null) => Promise<void>;
  /** Randomness for the backoff jitter. */
  random?: () => number;
}

/** What the error factory needs of a response that openapi-fetch has already read. */
export interface ResponseContext {
  method: string;
  url: string;
  rawBody: string | undefined;
}
const contexts = new WeakMap<Response, ResponseContext>();
export const responseContext = (response: Response) => contexts.get(response);

/**
 * What the transport tells the client about one call. A 2xx is handed over unread, its attempt's
 * timer still running so that a body that stalls times out too; the client settles `attempt` once
 * openapi-fetch has read the body, or failed to.
 */
export interface CallState {
  attempt?: AttemptSignal;
}

/**
 * The custom `fetch` handed to openapi-fetch: idempotency keys, per-attempt timeouts, retries and
 * redirect refusal. It takes the `PendingRequest` openapi-fetch built. The body of a non-2xx answer
 * is read here, inside the attempt (so a stall is a timeout, and the raw text is kept for the
 * error); a 2xx is handed over unread, since buffering it would cost more than the rest of the
 * client together (see test/client.bench.ts), with its timer still running (see `CallState`).
 */
export function createTransport(options: TransportOptions) {
  const { fetch: send, timeoutMs, maxRetries, sleep = defaultSleep, random } = options;

  return async function gigapayFetch(request: PendingRequest, call: CallState = {}): Promise<Response> {
    const { url, method, headers, init } = request;
    // Every POST and PATCH is keyed, so that retrying it (here, or by the caller) cannot repeat it.
    if ((method === 'POST' || method === 'PATCH') && !headers.has('idempotency-key')) {
      headers.set('Idempotency-Key', crypto.randomUUID());
    }
    const keyed = headers.has('idempotency-key');
    const caller = init.signal;

    for (let attempt = 0; ; attempt++) {
      const attemptState = attemptSignal(caller, timeoutMs);
      let response: Response | undefined;
      let failure: GigapayError | undefined;
      try {
        // The same headers (key included) and the same serialised body on every attempt.
        const received = await send(url, { ...init, headers, signal: attemptState.signal, redirect: 'manual' });
        if (isRedirect(received)) {
          await received.body?.cancel();
          throw redirectError(received, method, url);
        }
        if (received.ok) {
          call.attempt = attemptState;
          return (response = received);
        }
        response = await buffer(received, method, url);
      } catch (error) {
        // The caller's abort is the caller's decision: never retried, surfaced as they gave it.
        if (caller?.aborted) throw caller.reason;
        if (error instanceof GigapayError) throw error;
        const secret = headers.get('authorization')?.replace(/^Token\s+/i, '') || null;
        failure = attemptState.timedOut()
          ? new TimeoutError(`${method} ${url} timed out after ${timeoutMs} ms`, { method, url })
          : new ConnectionError(`${method} ${url} failed to connect: ${describe(error, secret)}`, {
              method,
              url,
              cause: withoutSecret(error, secret),
            });
      } finally {
        if (!response?.ok) attemptState.done();
      }

      const retryAfterMs = response && parseRetryAfter(response.headers.get('retry-after'));
      if (!shouldRetry({ method, keyed, attempt, maxRetries, status: response?.status, retryAfterMs })) {
        if (failure) throw failure;
        return response!;
      }
      await sleep(retryDelay({ attempt, retryAfterMs, random }), caller);
    }
  };
}

/**
 * Reads an error response's body within the attempt, and keeps its raw text for the error. Only
 * 4xx and 5xx get here (2xx and 3xx are handled before), none of which is a null-body status.
 */
async function buffer(received: Response, method: string, url: string): Promise<Response> {
  const rawBody = received.body ? await received.text() : undefined;
  const response = new Response(rawBody, received);
  contexts.set(response, { method, url, rawBody });
  return response;
}

function describe(error: unknown, secret: string | null): string {
  const message = error instanceof Error ? error.message : String(error);
  return redact(message, secret);
}

const redact = (text: string, secret: string | null) => (secret ? text.replaceAll(secret, '[redacted]') : text);

/** A custom fetch may put request headers in its error; keep the token out of `cause`. */
function withoutSecret(error: unknown, secret: string | null): unknown {
  if (!secret) return error;
  if (!(error instanceof Error)) return redact(String(error), secret);
  const leaks = `${error.message}\n${error.stack ?? ''}\n${String(error.cause ?? '')}`.includes(secret);
  return leaks ? new Error(redact(error.message, secret)) : error;
}
