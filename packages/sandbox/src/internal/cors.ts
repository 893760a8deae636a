/**
 * CORS for a browser dev setup (`cors` option, `--cors <origin>`): a page served from one of the
 * listed origins may call the API (`/v2/...`) from the browser. Only those exact origins are
 * answered, each with its own name, never `*`; any other origin gets no CORS header at all, so its
 * browser refuses to read the answer. The `/_sandbox/` controls never get CORS headers: they take
 * no token, and a page must not be able to reset or drive the sandbox.
 *
 * A preflight (`OPTIONS` with `Access-Control-Request-Method`) from a listed origin is answered
 * `204` here, before the token check: a browser never sends credentials on a preflight, so the API
 * would answer it `401` and the real request would never be sent.
 */
import type { MiddlewareHandler } from 'hono';

/** The request headers a client sends (the `@gigapay/client` ones and `Content-Type`). */
export const CORS_ALLOWED_HEADERS = ['Authorization', 'Integration-ID', 'Idempotency-Key', 'Accept-Language', 'Content-Type'] as const;
/** The response headers a page may read beyond the CORS-safelisted ones. */
export const CORS_EXPOSED_HEADERS = ['Idempotent-Replayed', 'Retry-After', 'Allow', 'Gigapay-Sandbox-Warning'] as const;
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
/** How long a browser may keep a preflight's answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * The origins as given, checked: each must be an origin exactly (`http://localhost:3000`, no
 * path, no trailing slash, no wildcard), else this throws naming it.
 */
export function resolveCorsOrigins(origins: readonly string[] = []): readonly string[] {
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      // named below
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      throw new Error(`cors: ${JSON.stringify(origin)} is not an origin: give scheme, host and port exactly as the browser sends them, e.g. http://localhost:3000 (never * or a path)`);
    }
  }
  return [...origins];
}

const isApiPath = (pathname: string): boolean => pathname === '/v2' || pathname.startsWith('/v2/');

/** The middleware answering preflights and marking API answers for `origins`; a no-op without any. */
export function cors(origins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(origins);
  return async (c, next) => {
    if (allowed.size === 0 || !isApiPath(new URL(c.req.url).pathname)) return next();
    const origin = c.req.header('origin');
    if (origin === undefined || !allowed.has(origin)) {
      await next();
      // Which origin is answered depends on the request: a cache must not reuse one for another.
      c.res.headers.append('vary', 'Origin');
      return;
    }
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined) {
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': ALLOWED_METHODS,
          'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(', '),
          'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
          vary: 'Origin',
        },
      });
    }
    await next();
    c.res.headers.set('access-control-allow-origin', origin);
    c.res.headers.set('access-control-expose-headers', CORS_EXPOSED_HEADERS.join(', '));
    c.res.headers.append('vary', 'Origin');
  };
}
