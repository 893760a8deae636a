import { ConnectionError, GigapayError, requestIdOf, ResponseBodyError, TimeoutError } from '../errors.js';
import type { PendingRequest } from './pending-request.js';
import { redact } from './redact.js';
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
 * What the transport and the client share about one call. A 2xx to be read as JSON (openapi-fetch's
 * default `parseAs`) is read here, inside its attempt, so that a body that breaks is retried like a
 * dropped connection. Any other `parseAs` leaves the body to openapi-fetch: such a 2xx is handed
 * over unread, its attempt's timer still running so that a body that stalls times out too, and the
 * client settles `unread` once openapi-fetch has read the body, or failed to.
 */
export interface CallState {
  /** openapi-fetch's `parseAs` for this call. @default 'json' */
  parseAs?: string;
  unread?: {
    attempt: AttemptSignal;
    /** The error to throw for what reading the body threw. */
    failed(error: unknown): GigapayError;
  };
}

/**
 * The custom `fetch` handed to openapi-fetch: idempotency keys, per-attempt timeouts, retries and
 * redirect refusal. It takes the `PendingRequest` openapi-fetch built. Every body is read here,
 * inside the attempt (so a stall is a timeout, and a body that breaks is retried), but that of a 2xx
 * with a `parseAs` other than JSON (see `CallState`). A non-2xx keeps its raw text for the error.
 */
export function createTransport(options: TransportOptions) {
  const { fetch: send, timeoutMs, maxRetries, sleep = defaultSleep, random } = options;

  return async function gigapayFetch(request: PendingRequest, call: CallState = {}): Promise<Response> {
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
    // After a response arrived, any failure names it: a timeout of its body, or a body that broke.
    const failed = (error: unknown, attempt: AttemptSignal, received?: Response): GigapayError => {
      const arrived = received && { ...where, status: received.status, requestId: requestIdOf(received.headers) };
      if (attempt.timedOut()) return new TimeoutError(`${method} ${url} timed out after ${timeoutMs} ms`, arrived ?? where);
      const cause = scrub(error, secret);
      if (!arrived) return new ConnectionError(`${method} ${url} failed to connect: ${cause?.message ?? cause}`, { ...where, cause });
      const id = arrived.requestId ? ` (request id ${arrived.requestId})` : '';
      return new ResponseBodyError(`${method} ${url}: the body of its ${arrived.status} could not be read: ${cause?.message ?? cause}${id}`, {
        ...arrived,
        cause,
      });
    };

    for (let attempt = 0; ; attempt++) {
      const attemptState = attemptSignal(caller, timeoutMs);
      let received: Response | undefined;
      let response: Response | undefined;
      let failure: GigapayError | undefined;
      try {
        // The same headers (key included) and the same serialised body on every attempt.
        received = await send(url, { ...init, headers, signal: attemptState.signal, redirect: 'manual' });
        if (isRedirect(received)) {
          await received.body?.cancel();
          throw redirectError(received, where, secret);
        }
        if (received.ok && (call.parseAs ?? 'json') !== 'json') {
          const handedOver = received;
          call.unread = { attempt: attemptState, failed: (error) => failed(error, attemptState, handedOver) };
          return (response = received);
        }
        response = received.ok ? await withParsedJson(received, method) : await buffer(received, where, secret);
      } catch (error) {
        // The caller's abort is the caller's decision: never retried, surfaced as they gave it.
        if (caller?.aborted) throw caller.reason;
        if (error instanceof GigapayError) throw error;
        failure = failed(error, attemptState, received);
      } finally {
        if (!call.unread) attemptState.done();
      }

      // A failure is retried as no response at all: the server may not have seen it, or done it.
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
 * Reads a 2xx body as JSON within the attempt, and hands openapi-fetch the parsed value through the
 * response's own `json()` and `text()` (openapi-fetch calls one of them), rather than a new Response
 * that it would parse again. The spec documents a body for every 2xx but 204: an empty one is a
 * body lost on the way, as is one that is not JSON (a proxy's page, a cut-off stream).
 */
async function withParsedJson(received: Response, method: string): Promise<Response> {
  if (received.status === 204 || received.status === 205 || method === 'HEAD') return received;
  const text = await received.text();
  if (!text) throw new SyntaxError('the body is empty');
  const data: unknown = JSON.parse(text);
  return Object.defineProperties(received, {
    json: { value: async () => data },
    text: { value: async () => text },
  });
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
  if (typeof value == 'string') return redact(value, secret);
  if (Object(value) !== value) return value; // any other primitive
  if (depth > 8) return undefined;
  if (Array.isArray(value)) return value.map((item) => scrub(item, secret, depth + 1));
  const copy: any = new Error(scrub(String(value.message ?? ''), secret));
  for (const key of ['name', 'code', 'cause', 'errors']) {
    if (value[key] !== undefined) copy[key] = scrub(value[key], secret, depth + 1);
  }
  return copy;
}
