/**
 * The caller (internal/call.ts) makes each call as openapi-fetch's client would: the same URL,
 * headers and body, and the same result from the same response. Checked side by side: the same
 * init through openapi-fetch's `createClient` and through the caller, each with a fetch that
 * records what it was given and answers alike.
 */
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { createCaller, type CallInit } from '../src/internal/call.js';
import type { PendingRequest } from '../src/internal/pending-request.js';

const base = 'https://api.example.test/v2/';
const baseHeaders = { Authorization: 'Token t', 'Integration-ID': 'i1', 'Accept-Language': undefined };

interface Sent {
  url: string;
  method: string;
  headers: [string, string][];
  body: unknown;
}

const answering = (answer: () => Response) => ({
  async viaOpenapiFetch(method: string, path: string, init: CallInit) {
    let sent: Sent | undefined;
    const fetch = async (request: Request) => {
      const body = request.body === null ? undefined : await request.text();
      sent = { url: request.url, method: request.method, headers: [...request.headers], body };
      return answer();
    };
    const client = createClient({ baseUrl: base, headers: baseHeaders, fetch: fetch as never });
    const { data, error, response } = await (client as any)[method](path, init);
    return { sent, data, error, status: response.status };
  },
  async viaCaller(method: string, path: string, init: CallInit) {
    let sent: Sent | undefined;
    // What a fetch makes of the URL and init it is given (a FormData's Content-Type, for one).
    const send = async ({ url, init }: PendingRequest) => {
      const request = new Request(url, init);
      const body = request.body === null ? undefined : await request.text();
      sent = { url: request.url, method: request.method, headers: [...request.headers], body };
      return answer();
    };
    const { data, error, response } = await createCaller(base, baseHeaders)(method, path, init, send);
    return { sent, data, error, status: response.status };
  },
});

const same = async (answer: () => Response, method: string, path: string, init: CallInit) => {
  const { viaOpenapiFetch, viaCaller } = answering(answer);
  const expected = await viaOpenapiFetch(method, path, init);
  const actual = await viaCaller(method, path, init);
  // A FormData's boundary differs from one serialisation to the next.
  const unbounded = (value: unknown) => (typeof value === 'string' ? value.replace(/-{2,}\S*\d+/g, '--boundary') : value);
  for (const result of [expected, actual]) {
    result.sent!.body = unbounded(result.sent!.body);
    result.sent!.headers = result.sent!.headers.map(([name, value]) => [name, unbounded(value) as string]);
  }
  expect(actual).toEqual(expected);
  return actual;
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('the caller, beside openapi-fetch', () => {
  it('builds the same URL: path parameters encoded, a missing one left as it is, the query serialised', async () => {
    const answer = json(200, { results: [] });
    await same(answer, 'GET', '/payouts/{id}/', { params: { path: { id: 'a b/ç?#' } } });
    await same(answer, 'GET', '/payouts/{id}/', { params: { path: { id: 42 } } });
    await same(answer, 'GET', '/payouts/{id}/', { params: { path: {} } });
    await same(answer, 'GET', '/payouts/{id}/', {});
    const query = { expand: ['employee', 'invoice'], page: 2, empty: [], missing: undefined, nested: { a: 'b c' } };
    await same(answer, 'GET', '/payouts/', { params: { query } });
    await same(answer, 'GET', '/payouts/', { params: { query: { expand: ['employee', 'invoice'] } }, querySerializer: { array: { style: 'form', explode: false } } });
    const sent = await same(answer, 'GET', '/payouts/', { params: { query }, querySerializer: () => '?page=3&page_size=1' });
    expect(sent.sent!.url).toBe('https://api.example.test/v2/payouts/?page=3&page_size=1');
  });

  it('sends the same headers and body: JSON by default, a given Content-Type kept, none without a body or for a FormData', async () => {
    const answer = json(201, { id: 'p1' });
    const body = { amount: '1.00', employee: 'e1' };
    const withBody = await same(answer, 'POST', '/payouts/', { body });
    expect(withBody.sent!.headers).toContainEqual(['content-type', 'application/json']);
    await same(answer, 'POST', '/payouts/', { body, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Integration-ID': 'i2' } });
    await same(answer, 'POST', '/payouts/', { body, params: { header: { 'Integration-ID': 'i3' } }, headers: new Headers({ 'X-Extra': '1' }) });
    await same(answer, 'POST', '/payouts/', { body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    await same(answer, 'DELETE', '/payouts/{id}/', { params: { path: { id: 'p1' } } });
    const form = new FormData();
    form.set('file', 'content');
    await same(answer, 'POST', '/payouts/', { body: form });
    await same(answer, 'POST', '/payouts/', { body, bodySerializer: (value: unknown) => `custom:${JSON.stringify(value)}` });
  });

  it('reads a response the same way', async () => {
    await same(json(200, { id: 'p1' }), 'GET', '/payouts/{id}/', { params: { path: { id: 'p1' } } });
    await same(json(200, { id: 'p1' }, { 'content-length': '11' }), 'GET', '/payouts/', {});
    await same(() => new Response('plain', { status: 200 }), 'GET', '/payouts/', { parseAs: 'text' });
    await same(() => new Response(null, { status: 204 }), 'DELETE', '/payouts/{id}/', { params: { path: { id: 'p1' } } });
    await same(json(404, { detail: 'Not found.' }), 'GET', '/payouts/', {});
    await same(() => new Response('<html>Bad gateway</html>', { status: 502 }), 'GET', '/payouts/', {});
    await same(() => new Response('', { status: 500, headers: { 'content-length': '0' } }), 'GET', '/payouts/', {});
    const result = await same(() => new Response('', { status: 400 }), 'GET', '/payouts/', {});
    expect(result.error).toBe('');
  });
});
