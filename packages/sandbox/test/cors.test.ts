// `cors`: a page on a listed origin can call the API from a browser; no other origin can read an
// answer; the controls never answer CORS. Checked the way a browser does it (browserFetch below).
import { describe, expect, it } from 'vitest';
import { resolveCorsOrigins } from '../src/internal/cors.js';
import { employeeBody, startForFile } from './helpers.js';

const PAGE = 'http://localhost:5173';
const { sandbox } = await startForFile({ cors: [PAGE, 'https://app.example.test'] });
const credentials = { authorization: `Token ${sandbox.token}`, 'integration-id': sandbox.integrationId };

const SAFELISTED_HEADERS = new Set(['accept', 'accept-language', 'content-language']);
const SAFELISTED_RESPONSE_HEADERS = new Set(['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma']);

/**
 * What a browser on `page` does for `fetch(url, init)` across origins (the Fetch standard's CORS
 * checks, as far as an API call needs them): a preflight when the method or a header is not
 * "simple", refused unless it allows this origin, method and headers; then the request, whose
 * answer the page may read only if it names this origin; and only the exposed headers are readable.
 */
async function browserFetch(page: string, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const method = init.method ?? 'GET';
  const headers = Object.fromEntries(Object.entries(init.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const unsafe = Object.keys(headers).filter((name) => !SAFELISTED_HEADERS.has(name) && !(name === 'content-type' && /^(text\/plain|multipart\/form-data|application\/x-www-form-urlencoded)/.test(headers[name]!)));
  if (!['GET', 'HEAD', 'POST'].includes(method) || unsafe.length > 0) {
    const preflight = await fetch(url, { method: 'OPTIONS', headers: { origin: page, 'access-control-request-method': method, ...(unsafe.length ? { 'access-control-request-headers': unsafe.sort().join(',') } : {}) } });
    if (!preflight.ok || preflight.headers.get('access-control-allow-origin') !== page) throw new TypeError(`Failed to fetch (preflight ${preflight.status}, no CORS for ${page})`);
    const methods = (preflight.headers.get('access-control-allow-methods') ?? '').split(',').map((m) => m.trim());
    const allowedHeaders = (preflight.headers.get('access-control-allow-headers') ?? '').split(',').map((h) => h.trim().toLowerCase());
    if (!methods.includes(method) && !['GET', 'HEAD', 'POST'].includes(method)) throw new TypeError(`Failed to fetch (method ${method} not allowed)`);
    for (const name of unsafe) if (!allowedHeaders.includes(name)) throw new TypeError(`Failed to fetch (header ${name} not allowed)`);
  }
  const response = await fetch(url, { method, headers: { ...headers, origin: page }, body: init.body, redirect: 'manual' });
  if (response.headers.get('access-control-allow-origin') !== page) throw new TypeError('Failed to fetch (the answer does not allow this origin)');
  const exposed = new Set((response.headers.get('access-control-expose-headers') ?? '').split(',').map((h) => h.trim().toLowerCase()));
  const readable = new Headers();
  for (const [name, value] of response.headers) if (SAFELISTED_RESPONSE_HEADERS.has(name) || exposed.has(name)) readable.set(name, value);
  return { status: response.status, headers: readable, body: response.status === 204 ? undefined : await response.json() };
}

describe('a page on a listed origin', () => {
  it('creates an employee with a key, reads the answer, and sees the replay header on the retry', async () => {
    const init = { method: 'POST', headers: { ...credentials, 'content-type': 'application/json', 'idempotency-key': 'browser-1', 'accept-language': 'sv' }, body: JSON.stringify(employeeBody()) };
    const first = await browserFetch(PAGE, `${sandbox.url}employees/`, init);
    expect(first.status).toBe(201);
    expect(first.body.id).toEqual(expect.any(String));
    const retry = await browserFetch(PAGE, `${sandbox.url}employees/`, init);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  });

  it('reads an error answer too (a 400, a 401)', async () => {
    const invalid = await browserFetch(PAGE, `${sandbox.url}employees/`, { method: 'POST', headers: { ...credentials, 'content-type': 'application/json' }, body: '{}' });
    expect(invalid.status).toBe(400);
    const unauthorized = await browserFetch(PAGE, `${sandbox.url}employees/`, { headers: { authorization: 'Token wrong' } });
    expect(unauthorized.status).toBe(401);
  });

  it('the preflight, as sent: 204, that origin (never *), the methods and every header the client sends, Vary: Origin', async () => {
    const preflight = await fetch(`${sandbox.url}payouts/`, {
      method: 'OPTIONS',
      headers: { origin: PAGE, 'access-control-request-method': 'DELETE', 'access-control-request-headers': 'authorization,integration-id,idempotency-key,accept-language,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(preflight.headers.get('access-control-allow-headers')!.toLowerCase().split(', ')).toEqual(['authorization', 'integration-id', 'idempotency-key', 'accept-language', 'content-type']);
    expect(preflight.headers.get('vary')).toContain('Origin');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const actual = await fetch(`${sandbox.url}employees/`, { headers: { ...credentials, origin: PAGE } });
    expect(actual.headers.get('access-control-expose-headers')!.split(', ')).toEqual(expect.arrayContaining(['Idempotent-Replayed', 'Retry-After']));
    expect(actual.headers.get('vary')).toContain('Origin');
  });
});

describe('no CORS', () => {
  const corsHeaders = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

  it('for an origin not listed: the preflight is the API\'s 401, the answers carry no CORS header, the browser fails', async () => {
    const preflight = await fetch(`${sandbox.url}employees/`, { method: 'OPTIONS', headers: { origin: 'http://evil.test', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    expect(preflight.status).toBe(401);
    expect(corsHeaders(preflight)).toEqual([]);
    const actual = await fetch(`${sandbox.url}employees/`, { headers: { ...credentials, origin: 'http://evil.test' } });
    expect(actual.status).toBe(200);
    expect(corsHeaders(actual)).toEqual([]);
    await expect(browserFetch('http://evil.test', `${sandbox.url}employees/`, { headers: credentials })).rejects.toThrow(/Failed to fetch/);
    // a listed origin differing only by its port is another origin
    await expect(browserFetch('http://localhost:5174', `${sandbox.url}employees/`, { headers: credentials })).rejects.toThrow(/Failed to fetch/);
  });

  it('for the /_sandbox/ controls, even from a listed origin', async () => {
    const preflight = await fetch(`${sandbox.origin}/_sandbox/reset`, { method: 'OPTIONS', headers: { origin: PAGE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(corsHeaders(preflight)).toEqual([]);
    const clock = await fetch(`${sandbox.origin}/_sandbox/clock`, { headers: { origin: PAGE } });
    expect(clock.status).toBe(200);
    expect(corsHeaders(clock)).toEqual([]);
    await expect(browserFetch(PAGE, `${sandbox.origin}/_sandbox/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).rejects.toThrow(/Failed to fetch/);
  });

  it('without the option, for any origin', async () => {
    const { start } = await import('./helpers.js');
    const plain = await start();
    try {
      const preflight = await fetch(`${plain.url}employees/`, { method: 'OPTIONS', headers: { origin: PAGE, 'access-control-request-method': 'GET' } });
      expect(preflight.status).toBe(401);
      expect(corsHeaders(preflight)).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});

describe('the origins given', () => {
  it('must be origins exactly: no *, no path, no trailing slash, a scheme', () => {
    expect(resolveCorsOrigins(['http://localhost:3000', 'https://app.example.test'])).toEqual(['http://localhost:3000', 'https://app.example.test']);
    for (const bad of ['*', 'null', 'http://localhost:3000/', 'http://localhost:3000/app', 'localhost:3000', 'file:///index.html', 'HTTP://LOCALHOST:3000']) {
      expect(() => resolveCorsOrigins([bad])).toThrow(/is not an origin/);
    }
  });
});
