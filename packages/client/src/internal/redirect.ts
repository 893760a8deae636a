import { RedirectError } from '../errors.js';

/** 3xx, or what a browser reports for a redirect under `redirect: 'manual'`. */
export function isRedirect(response: Response): boolean {
  return (response.status >= 300 && response.status < 400) || response.type === 'opaqueredirect';
}

/** Names the `Location` and the likely cause, as the Gigapay docs describe them. */
export function redirectError(response: Response, method: string, url: string): RedirectError {
  const header = response.headers.get('location');
  const from = new URL(url);
  const to = header ? new URL(header, url) : undefined;
  const cause = !to
    ? 'the target is hidden (a browser reports manual redirects as opaque)'
    : from.protocol === 'http:' && to.protocol === 'https:'
      ? 'the request used plain http: use the https:// base URL'
      : to.pathname === `${from.pathname}/`
        ? 'the path is missing its trailing slash: every Gigapay path ends with "/"'
        : 'unexpected redirect';
  return new RedirectError(
    `${method} ${url} was redirected (${response.status}) to ${to?.href ?? 'an unknown location'}; ${cause}. ` +
      'Redirects are not followed because many HTTP stacks drop the Authorization header on the way.',
    { status: response.status, method, url, location: to?.href, headers: response.headers },
  );
}
