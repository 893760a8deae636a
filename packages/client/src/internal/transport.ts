import { AbortError, ConnectionError, GigapayError, requestIdNote, requestIdOf, ResponseBodyError, TimeoutError } from '../errors.js';
import type { PendingRequest } from './pending-request.js';
import { redact } from './redact.js';
import { isRedirect, redirectError } from './redirect.js';
import { parseRetryAfter, retryDelay, shouldRetry } from './retry-policy.js';
import { attemptSignal, sleep as defaultSleep, type AttemptSignal } from './signals.js';
import type { TransportCallOptions } from './call-options.js';
import type { RequestEvent, ResponseEvent } from './logger.js';

/** The client's options that the transport applies; their defaults are those `GigapayClientOptions` documents. */
export interface TransportOptions {
  /** @default globalThis.fetch */
  fetch?: typeof fetch | undefined;
  /** Per attempt, until the whole body has arrived (a 2xx body is read by the caller: see `CallState`). @default 30000 */
  timeoutMs?: number | undefined;
  /** @default 2 */
  maxRetries?: number | undefined;
  /** The most bytes of a response body that are read (see `GigapayClientOptions`). @default 10_000_000 */
  maxResponseBytes?: number | undefined;
  /** Waits between attempts; injectable so that tests need not sleep. */
  sleep?: (ms: number, signal?: AbortSignal | null) => Promise<void>;
  /** Randomness for the backoff jitter. */
  random?: () => number;
  /** Told of every attempt (see `GigapayClientOptions`). */
  onRequest?: ((event: RequestEvent) => void) | undefined;
  onResponse?: ((event: ResponseEvent) => void) | undefined;
}

/** What the error factory (and `paginate`) need of a response whose body has already been read. */
export interface ResponseContext extends Where {
  rawBody?: string | undefined;
  /** A PUT or DELETE whose earlier attempt's answer was lost: that attempt may have done it. */
  lost?: boolean;
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
 * What the transport and the client share about one call. A 2xx to be read as JSON (the default
 * `parseAs`) is read here, inside its attempt, so that a body that breaks is retried like a
 * dropped connection. Any other `parseAs` leaves the body to the caller (call.ts): such a 2xx is
 * handed over unread, its attempt's timer still running so that a body that stalls times out too,
 * and the client settles `unread` once the caller has read the body, or failed to.
 */
export interface CallState extends TransportCallOptions {
  /** The `parseAs` of this call (openapi-fetch's). @default 'json' */
  parseAs?: string;
  /**
   * Settles the attempt of a 2xx handed over unread, once the caller has read its body (no
   * argument), or failed to (what it threw): stops its timer, reports it, and gives the error to throw.
   */
  unread?: (...thrown: [] | [unknown]) => GigapayError | undefined;
}

/**
 * What sends each call: idempotency keys, per-attempt timeouts, retries and redirect refusal. It
 * takes the `PendingRequest` the caller (call.ts) built. Every body is read here, inside the
 * attempt (so a stall is a timeout, and a body that breaks is retried), but that of a 2xx with a
 * `parseAs` other than JSON (see `CallState`). A non-2xx keeps its raw text for the error.
 */
export function createTransport(options: TransportOptions) {
  const {
    fetch: send = globalThis.fetch,
    timeoutMs: clientTimeoutMs = 30_000,
    maxRetries: clientMaxRetries = 2,
    maxResponseBytes = 10_000_000,
    sleep = defaultSleep,
    random,
    onRequest,
    onResponse,
  } = options;

  return async function gigapayFetch(request: PendingRequest, call: CallState = {}): Promise<Response> {
    // The call's own options, else the client's.
    const { timeoutMs = clientTimeoutMs, maxRetries = clientMaxRetries } = call;
    const { url, init } = request;
    const { method, headers } = init;
    // Every POST and PATCH is keyed, so that retrying it (here, or by the caller) cannot repeat it.
    let idempotencyKey = call.idempotencyKey ?? (headers.get('idempotency-key') || undefined);
    if (!idempotencyKey && (method === 'POST' || method === 'PATCH')) idempotencyKey = crypto.randomUUID();
    if (idempotencyKey) headers.set('Idempotency-Key', idempotencyKey);
    const keyed = !!idempotencyKey;
    const where: Where = { method, url, idempotencyKey };
    const caller = init.signal;
    // A custom fetch, or a proxy in an error body, may quote the request headers: see `scrub`.
    const secret = headers.get('authorization')?.replace(/^Token\s+/i, '');
    // Whether an earlier attempt ended with no usable answer: a PUT or DELETE may have been done by it.
    let lost = false;
    // Any failure of an attempt names the call and its key; once a response arrived, its status too.
    const failed = (error: unknown, attempt: AttemptSignal, received?: Response): GigapayError => {
      const arrived = received ? { ...where, status: received.status, requestId: requestIdOf(received.headers) } : where;
      // The caller's abort is the caller's decision (never retried), but the server may have seen the request.
      if (caller?.aborted) return new AbortError(`${method} ${url} was aborted: ${caller.reason?.message ?? caller.reason}`, { ...arrived, cause: caller.reason });
      if (attempt.timedOut()) return new TimeoutError(`${method} ${url} timed out after ${timeoutMs} ms`, arrived);
      const cause = scrub(error, secret);
      const why = cause?.message ?? cause;
      return received
        ? new ResponseBodyError(`${method} ${url}: the body of its ${received.status} could not be read: ${why}${requestIdNote(requestIdOf(received.headers))}`, { ...arrived, cause })
        : new ConnectionError(`${method} ${url} failed to connect: ${why}`, { ...where, cause });
    };

    for (let attempt = 0; ; attempt++) {
      const attemptState = attemptSignal(caller, timeoutMs);
      let received: Response | undefined;
      let response: Response | undefined;
      let failure: GigapayError | undefined;
      // A failure that retrying cannot mend: the caller's abort, a redirect, a body over the limit.
      let final = false;
      const event = { method, url: scrub(url, secret), attempt: attempt + 1, idempotencyKey };
      onRequest?.(event);
      const started = performance.now();
      const report = (willRetry: boolean) =>
        onResponse?.({
          ...event,
          status: received?.status,
          // A proxy may echo the request into x-request-id.
          requestId: received && scrub(requestIdOf(received.headers), secret),
          durationMs: performance.now() - started,
          error: failure,
          willRetry,
        });
      try {
        attemptState.signal.throwIfAborted();
        // The same headers (key included) and the same serialised body on every attempt.
        received = await send(url, { ...init, headers, signal: attemptState.signal, redirect: 'manual' });
        if (isRedirect(received)) {
          await received.body?.cancel();
          throw redirectError(received, where, secret);
        }
        let rawBody: string | undefined;
        if (received.ok && (call.parseAs ?? 'json') !== 'json') {
          const handedOver = (received = capped(received, maxResponseBytes, where));
          call.unread = (...thrown) => {
            attemptState.done();
            if (thrown.length) failure = thrown[0] instanceof GigapayError ? thrown[0] : failed(thrown[0], attemptState, handedOver);
            report(false);
            return failure;
          };
          return (response = received);
        } else if (received.ok) {
          response = await withParsedJson(received, method, maxResponseBytes, where);
        } else {
          // A proxy may echo the request headers: the token is redacted from the body and the headers.
          rawBody = scrub(await cappedText(received, maxResponseBytes, where), secret);
          const { status, statusText } = received;
          response = new Response(rawBody, { status, statusText, headers: [...received.headers].map(([name, value]) => [name, scrub(value, secret)]) });
        }
        contexts.set(response, { ...where, rawBody, lost: lost && (method === 'PUT' || method === 'DELETE') });
      } catch (error) {
        final = error instanceof GigapayError || !!caller?.aborted;
        failure = error instanceof GigapayError ? error : failed(error, attemptState, received);
      } finally {
        if (!call.unread) attemptState.done();
      }

      // A failure is retried as no response at all: the server may not have seen it, or done it.
      lost ||= !!failure;
      const retryAfterMs = response && parseRetryAfter(response.headers.get('retry-after'));
      const retry = !final && shouldRetry({ method, keyed, attempt, maxRetries, status: response?.status, retryAfterMs });
      report(retry);
      if (!retry) {
        if (failure) throw failure;
        return response!;
      }
      await sleep(retryDelay({ attempt, retryAfterMs, random }), caller).catch(() => {
        throw failed(undefined, attemptState);
      });
    }
  };
}

/**
 * Counts the chunks of a response's body (a `Content-Length` says nothing of a compressed body):
 * past `max` bytes the rest is left unread, and reading fails with a `ResponseBodyError`.
 */
function byteCounter(received: Response, max: number, where: Where, reader: ReadableStreamDefaultReader<Uint8Array>) {
  let size = 0;
  return (chunk: Uint8Array) => {
    if ((size += chunk.byteLength) > max) {
      void reader.cancel();
      // A GigapayError, so not retried: the body would be as long again.
      const { status, headers } = received;
      const message = `${where.method} ${where.url}: the body of its ${status} is larger than maxResponseBytes (${max} bytes)`;
      throw new ResponseBodyError(message, { ...where, status, requestId: requestIdOf(headers) });
    }
  };
}

/** The body as text, read here and counted (see `byteCounter`): no stream wrapped around it. */
async function cappedText(received: Response, max: number, where: Where): Promise<string> {
  const reader = received.body?.getReader();
  if (!reader) return '';
  const count = byteCounter(received, max, where, reader);
  const decoder = new TextDecoder();
  let text = '';
  for (let chunk; !(chunk = await reader.read()).done; ) {
    count(chunk.value);
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text + decoder.decode();
}

/** The response, its body counted as the caller reads it (see `byteCounter`): for a 2xx handed over unread. */
function capped(received: Response, max: number, where: Where): Response {
  const reader = received.body?.getReader();
  const count = reader && byteCounter(received, max, where, reader);
  const body =
    reader &&
    new ReadableStream<Uint8Array>({
      async pull(controller) {
        const chunk = await reader.read();
        if (chunk.done) return controller.close();
        count!(chunk.value);
        controller.enqueue(chunk.value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
  return new Response(body, received);
}

/**
 * Reads a 2xx body as JSON within the attempt, and hands the caller the parsed value through the
 * response's own `json()` and `text()`, rather than a new Response that it would parse again. The
 * spec documents a body for every 2xx but 204: an empty one is a body lost on the way, as is one
 * that is not JSON (a proxy's page, a cut-off stream).
 */
async function withParsedJson(received: Response, method: string, max: number, where: Where): Promise<Response> {
  if (method === 'HEAD' || received.status === 204 || received.status === 205) return received;
  const text = await cappedText(received, max, where);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // Not JSON.parse's own message: it quotes the body, which may hold anything.
    throw new SyntaxError(text ? 'the body is not JSON' : 'the body is empty');
  }
  return Object.defineProperties(received, {
    json: { value: async () => data },
    text: { value: async () => text },
  });
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
