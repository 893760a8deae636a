import createClient from 'openapi-fetch';
import { createGigapayError, GigapayError, TimeoutError } from './errors.js';
import { PendingRequest } from './internal/pending-request.js';
import { createTransport, responseContext, type CallState } from './internal/transport.js';
import type { GigapayClient } from './types.js';

declare const __VERSION__: string;

/** The two Gigapay environments. Live and demo use separate tokens. */
export const SERVERS = {
  production: 'https://api.gigapay.se/v2/',
  demo: 'https://api.demo.gigapay.se/v2/',
} as const;

export interface GigapayClientOptions {
  /**
   * API token from Gigapay support, sent as `Authorization: Token <token>` (give the bare key).
   * It never appears in an error, a message or a serialised object of this client.
   */
  token: string;
  /**
   * Sent as `Integration-ID` on every call (required by all endpoints except `/integrations/`).
   * Override per call with `headers: { 'Integration-ID': '…' }`.
   * @default undefined
   */
  integrationId?: string | undefined;
  /**
   * `'demo'` (no real money moves), `'production'`, or a base URL such as `http://127.0.0.1:4010/v2/`.
   * @default 'demo'
   */
  server?: keyof typeof SERVERS | (string & {}) | undefined;
  /**
   * Sent as `Accept-Language` (for example `'sv'`); the API answers in English without it.
   * @default undefined
   */
  language?: string | undefined;
  /**
   * The `fetch` to send requests with. It is called as `fetch(url, init)` once per attempt.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch | undefined;
  /**
   * Time limit of each attempt, in milliseconds, from sending until the whole response body has
   * arrived. 0 turns it off. Combined with the `signal` of a call.
   * @default 30000
   */
  timeoutMs?: number | undefined;
  /**
   * Retries after the first attempt, for connection errors, timeouts, 408, 429 and 5xx, and only for
   * requests that are safe to repeat (GET, PUT, DELETE, or keyed by `Idempotency-Key`).
   * @default 2
   */
  maxRetries?: number | undefined;
  /**
   * Throw a `GigapayError` subclass for 4xx and 5xx instead of returning `{ error, response }`.
   * Transport failures (`ConnectionError`, `TimeoutError`, `RedirectError`) are thrown either way.
   * @default false
   */
  throwOnError?: boolean | undefined;
  /**
   * Sent as `User-Agent`, so that Gigapay support can tell the client and version apart.
   * @default '@gigapay/client/<version>'
   */
  userAgent?: string | undefined;
}

/** Creates a client. Pass `throwOnError: true` to get data-only results and thrown errors. */
export function createGigapayClient<const Options extends GigapayClientOptions>(
  options: Options,
): GigapayClient<Options['throwOnError'] extends true ? true : false> {
  const {
    token,
    integrationId,
    server = 'demo',
    language,
    fetch = globalThis.fetch,
    timeoutMs = 30_000,
    maxRetries = 2,
    throwOnError = false,
    userAgent = `@gigapay/client/${__VERSION__}`,
  } = options;
  if (!token || /\s/.test(token)) {
    throw new TypeError('createGigapayClient: `token` must be the bare API key (no "Token " prefix, no spaces).');
  }
  const headers: Record<string, string> = { Authorization: `Token ${token}`, 'User-Agent': userAgent };
  if (integrationId) headers['Integration-ID'] = integrationId;
  if (language) headers['Accept-Language'] = language;

  // openapi-fetch builds a PendingRequest, and the transport sends it (see pending-request.ts).
  const core = createClient({ baseUrl: Object.hasOwn(SERVERS, server) ? SERVERS[server as keyof typeof SERVERS] : server, headers, Request: PendingRequest as never });
  const transport = createTransport({ fetch, timeoutMs, maxRetries });

  type Call = (url: string, init?: { signal?: AbortSignal | null }) => Promise<{ error?: unknown; response: Response }>;
  const method = (verb: string, call: Call): Call => async (url, init) => {
    const state: CallState = {};
    let result: Awaited<ReturnType<Call>>;
    try {
      // A fetch per call (which also overrides any `fetch` given per call), to learn of its attempt.
      result = await call(url, { ...init, fetch: (request: PendingRequest) => transport(request, state) } as never);
    } catch (error) {
      // The transport's own errors pass through. A 2xx body is read by openapi-fetch after the
      // transport: the caller's abort then comes as they gave it, and the attempt's timer covers it.
      const signal = init?.signal;
      throw signal?.aborted
        ? signal.reason
        : state.attempt?.timedOut()
          ? new TimeoutError(`${verb} ${url}: the response body did not arrive within ${timeoutMs} ms`, { method: verb, url, idempotencyKey: state.idempotencyKey })
          : error;
    } finally {
      state.attempt?.done();
    }
    if (throwOnError && !result.response.ok) throw errorFromResult(result.response, result.error);
    return result;
  };

  return {
    GET: method('GET', core.GET as Call),
    POST: method('POST', core.POST as Call),
    PUT: method('PUT', core.PUT as Call),
    PATCH: method('PATCH', core.PATCH as Call),
    DELETE: method('DELETE', core.DELETE as Call),
  } as never;
}

/** Builds the typed error for a non-2xx result that openapi-fetch has already parsed. */
export function errorFromResult(response: Response, body: unknown): GigapayError {
  const { status, headers } = response;
  return createGigapayError({
    status,
    requestId: headers.get('x-request-id') ?? headers.get('request-id') ?? undefined,
    body,
    headers,
    ...responseContext(response),
  });
}
