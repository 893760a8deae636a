import { RedirectError } from '../errors.js';
import { redact } from './redact.js';
import type { Where } from './transport.js';

/** 3xx, or what a browser reports for a redirect under `redirect: 'manual'`. */
export function isRedirect(response: Response): boolean {
  return (response.status >= 300 && response.status < 400) || response.type === 'opaqueredirect';
}

/** Names the `Location` (the token redacted) and the likely cause, as the Gigapay docs describe them. */
export function redirectError(response: Response, where: Where, secret?: string): RedirectError {
  const { method, url } = where;
  const header = response.headers.get('location');
  const from = new URL(url);
  const to = header ? parseUrl(header, url) : undefined;
  const cause = !to
    ? header
      ? 'a Location that is not a URL'
      : 'a browser hides the target of manual redirects'
    : from.protocol === 'http:' && to.protocol === 'https:'
      ? 'plain http: use the https:// base URL'
      : to.pathname === `${from.pathname}/`
        ? 'missing trailing slash: every Gigapay path ends with "/"'
        : 'unexpected redirect';
  const href = to?.href ?? (header || undefined);
  const location = href === undefined ? undefined : redact(href, secret);
  return new RedirectError(
    `${method} ${url} was redirected (${response.status}) to ${location ?? 'a hidden location'}: ${cause}. ` +
      'Not followed, as many HTTP stacks drop the Authorization header on the way.',
    // No `headers`: a proxy may echo the request's, token included, and `location` is all there is to it.
    { ...where, status: response.status, location },
  );
}

function parseUrl(href: string, base: string): URL | undefined {
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}
