import { createGigapayError, type GigapayError, requestIdOf } from './errors.js';
import { createCaller, type CallInit } from './internal/call.js';
import type { RequestEvent, ResponseEvent } from './internal/logger.js';
import { USER_SCOPED } from './internal/integration-scope.js';
import { createTransport, responseContext, type CallState } from './internal/transport.js';
import type { GigapayClient } from './types.js';

declare const __VERSION__: string;

/** The two Gigapay environments. Live and demo use separate tokens. */
export const SERVERS = {
  production: 'https://api.gigapay.com/v2/',
  demo: 'https://api.demo.gigapay.com/v2/',
} as const;

/**
 * The hosts Gigapay documented until late 2025, for `server: LEGACY_SERVERS.demo`: its docs now show
 * only `gigapay.com`, and do not say whether these still answer. Apart from `SERVERS`, so that a
 * client that does not name them does not carry them.
 */
export const LEGACY_SERVERS = {
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
   * Sent as `Integration-ID` on every call but those of `/registrations/…` and `/integrations/…`,
   * which act as the user and never send it (not even when a call gives one).
   * Override per call with `headers: { 'Integration-ID': '…' }`.
   * @default undefined
   */
  integrationId?: string | undefined;
  /**
   * `'demo'` (`api.demo.gigapay.com`: no real money moves), `'production'` (`api.gigapay.com`), or an
   * `http://` or `https://` base URL such as `http://127.0.0.1:4010/v2/` or `LEGACY_SERVERS.demo`.
   * Anything else throws a `TypeError` here, not at the first call.
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
   * The most bytes of a response body that are read (after decompression). A longer body (or an
   * endless one) is cut off there with a `ResponseBodyError`, not retried.
   * @default 10_000_000
   */
  maxResponseBytes?: number | undefined;
  /**
   * Retries after the first attempt, for connection errors, timeouts, 408, 429 and 5xx, and only for
   * requests that are safe to repeat (GET, PUT, DELETE, or keyed by `Idempotency-Key`).
   * @default 2
   */
  maxRetries?: number | undefined;
  /**
   * Throw a `GigapayError` subclass for 4xx and 5xx instead of returning `{ error, response }`.
   * Transport failures (`ConnectionError`, `ResponseBodyError`, `TimeoutError`, `RedirectError`) are thrown either way.
   * @default false
   */
  throwOnError?: boolean | undefined;
  /**
   * Sent as `User-Agent`, so that Gigapay support can tell the client and version apart.
   * @default '@gigapay/client/<version>'
   */
  userAgent?: string | undefined;
  /**
   * Called before every attempt with its method, URL, attempt number and idempotency key; never a
   * header, so never the token. `logTo(console, 'info')` makes this hook and `onResponse` for log lines.
   * @default undefined
   */
  onRequest?: ((event: RequestEvent) => void) | undefined;
  /**
   * Called after every attempt with what `onRequest` saw, and the status, request id, duration,
   * error (connection, timeout, redirect) and whether the client retries.
   * @default undefined
   */
  onResponse?: ((event: ResponseEvent) => void) | undefined;
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
    throwOnError = false,
    userAgent = `@gigapay/client/${__VERSION__}`,
  } = options;
  if (!token || /\s/.test(token)) {
    throw new TypeError('createGigapayClient: `token` must be the bare API key (no "Token " prefix, no spaces).');
  }
  // openapi-fetch leaves out a header whose value is undefined.
  const headers = {
    Authorization: `Token ${token}`,
    'User-Agent': userAgent,
    'Integration-ID': integrationId || undefined,
    'Accept-Language': language || undefined,
  };
  const baseUrl = Object.hasOwn(SERVERS, server) ? SERVERS[server as keyof typeof SERVERS] : server;
  // A base URL: http(s), a host, a path at most (openapi-fetch appends each call's path to it).
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(baseUrl)) {
    throw new TypeError(
      `createGigapayClient: \`server\` is ${JSON.stringify(server)}: give 'demo', 'production' or an http(s) base URL such as 'http://127.0.0.1:4010/v2/'.`,
    );
  }

  // The transport applies the defaults of its own options (fetch, timeoutMs, maxRetries, …).
  const transport = createTransport(options);
  // The caller builds each request as openapi-fetch does, and the transport sends it (see call.ts).
  const call = createCaller(baseUrl, headers);

  const method = (name: string) => async (url: string, callInit?: CallInit & CallState) => {
    // The options the transport applies stay here; the caller gets the rest (parseAs too).
    const { timeoutMs, maxRetries, idempotencyKey, ...init } = callInit ?? {};
    // A copy: the transport reads its options (and parseAs) from it, and notes the call's `unread` on it.
    const state: CallState = { ...callInit };
    const result = await call(name, url, init, (request) => {
      // A registration or an integration is the user's, never an integration's: no `Integration-ID`,
      // whether the client or the call gave one.
      if (USER_SCOPED.test(url)) request.init.headers.delete('Integration-ID');
      return transport(request, state);
    }).catch((error) => {
      // The transport's own errors pass through. A 2xx handed over unread (see CallState) is read by
      // the caller: its attempt ends with what reading it threw.
      throw state.unread ? state.unread(error) : error;
    });
    state.unread?.();
    if (throwOnError && !result.response.ok) throw errorFromResult(result.response, result.error);
    // `status` on the result itself: it discriminates `data` and `error` (see GigapayResult).
    return { ...result, status: result.response.status };
  };

  // The methods of the API.
  return Object.fromEntries(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((name) => [name, method(name)])) as never;
}

/** Builds the typed error for a non-2xx result whose body has already been parsed. */
export function errorFromResult(response: Response, body: unknown): GigapayError {
  const { status, headers } = response;
  const context = responseContext(response);
  const error = createGigapayError({ status, requestId: requestIdOf(headers), body, headers, ...context });
  // A PUT or DELETE answered 404 or 400 on its retry may well have been done by the first attempt.
  if (context?.lost) error.message += ` An earlier attempt's answer was lost: it may have done the ${context.method}.`;
  return error;
}
