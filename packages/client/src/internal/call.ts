import { createQuerySerializer, defaultBodySerializer, mergeHeaders } from 'openapi-fetch';
import { USER_SCOPED } from './integration-scope.js';
import type { PendingRequest } from './pending-request.js';

/** What a call resolves to before the client adds `status`: openapi-fetch's result. */
export interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The init a call gives, once the client has taken out the options the transport applies. */
export interface CallInit extends Omit<RequestInit, 'body' | 'headers'> {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, string | undefined> };
  headers?: HeadersInit | Record<string, string | undefined>;
  body?: unknown;
  parseAs?: string;
  /** openapi-fetch's: a function, or the options of its serialiser (`paginate` gives a function). */
  querySerializer?: ((query: Record<string, unknown>) => string) | Parameters<typeof createQuerySerializer>[0];
  bodySerializer?: (body: any, headers: Headers) => unknown;
}

const serializeQuery = createQuerySerializer();

/**
 * `{id}` → its value, percent-encoded; a parameter not given stays as it is. What openapi-fetch's
 * path serialiser does with the spec's paths, whose parameters are all `{name}` (style `simple`,
 * not exploded) and take a string or a number: its label, matrix and exploded styles never apply.
 */
const serializePath = (url: string, values: Record<string, unknown>) =>
  url.replace(/\{([^{}]+)\}/g, (template, name: string) => (values[name] == null ? template : encodeURIComponent(values[name] as string)));

/**
 * One call as openapi-fetch's client makes it (its query, header and body serialisers, its way of
 * reading a response; the path and the URL as its serialiser and `createFinalURL` make them for the
 * spec's paths), without its middleware, `Request` and per-call `baseUrl`, which this client does
 * not offer: less to bundle, and less to do per call. The headers are merged once (openapi-fetch
 * merges them twice when there is a body), and `send` (the transport) is handed a
 * `PendingRequest`, not a `Request`.
 */
export function createCaller(baseUrl: string, baseHeaders: Record<string, string | undefined>) {
  baseUrl = baseUrl.replace(/\/$/, '');
  return async (method: string, path: string, init: CallInit, send: (request: PendingRequest) => Promise<Response>): Promise<CallResult> => {
    const { params = {}, headers, body, parseAs = 'json', querySerializer, bodySerializer = defaultBodySerializer, ...requestInit } = init;
    // Last, the one rule of Gigapay's: a registration or an integration is the user's, never an
    // integration's, so its calls send no `Integration-ID`, whether the client or the call gave one
    // (openapi-fetch's mergeHeaders deletes a header given as null).
    const finalHeaders = mergeHeaders(baseHeaders, headers, params.header, USER_SCOPED.test(path) ? { 'Integration-ID': null } : undefined);
    const serializedBody = body === undefined ? undefined : bodySerializer(body, finalHeaders);
    // A FormData gets its Content-Type (with its boundary) from fetch; given headers win.
    if (serializedBody !== undefined && !(serializedBody instanceof FormData) && !finalHeaders.has('content-type')) {
      finalHeaders.set('Content-Type', 'application/json');
    }
    // The URL as openapi-fetch's createFinalURL makes it (base, path, path values, then the query
    // without a leading `?`), with no options object to build per call.
    const serialize = typeof querySerializer === 'object' ? createQuerySerializer(querySerializer) : querySerializer ?? serializeQuery;
    const query = serialize(params.query ?? {}).replace(/^\?/, '');
    const url = serializePath(baseUrl + path, params.path ?? {}) + (query && `?${query}`);
    const response = await send({ url, init: { ...requestInit, method, body: serializedBody as BodyInit, headers: finalHeaders } });

    // What openapi-fetch makes of the response. The transport has already read a 2xx JSON body
    // (its `json()` gives the parsed value), and never reads a 204 or 205, which have none.
    const { status, ok, headers: received } = response;
    const contentLength = received.get('content-length');
    if (status === 204 || status === 205 || (contentLength === '0' && !received.get('transfer-encoding')?.includes('chunked'))) {
      return ok ? { data: undefined, response } : { error: undefined, response };
    }
    if (ok) return { data: parseAs === 'stream' ? response.body : await (response as any)[parseAs](), response };
    let error: unknown = await response.text();
    try {
      error = JSON.parse(error as string);
    } catch {
      // Not JSON: the text is the error.
    }
    return { error, response };
  };
}
