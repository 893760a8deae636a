/**
 * A response that arrives and whose body then breaks: cut off mid-way, not JSON, or empty where
 * the API always sends one. The server may have done the write, so the caller must learn the
 * Idempotency-Key to retry with, and the client itself retries a keyed request with that key.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GigapayError, ResponseBodyError, TimeoutError } from '../src/index.js';
import { BASE, clientWith, json, payout, sequence, settle } from './helpers.js';

const newPayout = { amount: '100.00', currency: 'SEK', description: 'Gig', employee: 'employee-1' };
const requestId = { 'x-request-id': 'req-42' };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Half a body, then the connection drops: undici's `TypeError: terminated`. */
export const cutOff = (status: number) => () => {
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"id":"p1","amo'));
      controller.error(new TypeError('terminated'));
    },
  });
  return new Response(body, { status, headers: { 'content-type': 'application/json', ...requestId } });
};
const notJson = (status: number) => () =>
  new Response('<html>Bad gateway</html>', { status, headers: { 'content-type': 'text/html', ...requestId } });
const empty = (status: number, headers: Record<string, string> = {}) => () =>
  new Response(null, { status, headers: { ...requestId, ...headers } });

const broken = {
  'cut off mid-way': [cutOff(201), 'TypeError'],
  'not JSON': [notJson(201), 'SyntaxError'],
  'empty, no Content-Length': [empty(201), undefined],
  'empty, Content-Length: 0': [empty(201, { 'content-length': '0' }), undefined],
} as const;

describe('a 2xx whose body breaks', () => {
  for (const [kind, [respond, causeName]] of Object.entries(broken)) {
    for (const throwOnError of [false, true]) {
      it(`${kind} (throwOnError ${throwOnError}): a ResponseBodyError naming method, url, key, status and request id`, async () => {
        const { client, calls } = clientWith(respond, { maxRetries: 0, throwOnError });
        const error = await settle(client.POST('/payouts/', { body: newPayout })).catch((e: unknown) => e);

        expect(error).toBeInstanceOf(ResponseBodyError);
        expect(error).toBeInstanceOf(GigapayError);
        expect(error).toMatchObject({
          method: 'POST',
          url: `${BASE}/payouts/`,
          idempotencyKey: calls[0]!.headers.get('idempotency-key'),
          status: 201,
          requestId: 'req-42',
        });
        expect((error as GigapayError).idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
        expect((error as Error).message).toContain(`POST ${BASE}/payouts/`);
        expect((error as Error).message).toContain('201');
        if (causeName) expect((error as Error).cause).toHaveProperty('name', causeName);
      });
    }

    it(`${kind}: retried with the same key and body, like a dropped connection`, async () => {
      const { client, calls } = clientWith(sequence(respond, () => json(201, payout('p1'))), { maxRetries: 2 });
      const { data, response } = await settle(client.POST('/payouts/', { body: newPayout }));

      expect(response.status).toBe(201);
      expect(data?.id).toBe('p1');
      expect(calls).toHaveLength(2);
      expect(calls[1]!.headers.get('idempotency-key')).toBe(calls[0]!.headers.get('idempotency-key'));
      expect(calls[1]!.body).toBe(calls[0]!.body);
    });
  }

  it('retries a GET whose body breaks, and gives up after maxRetries', async () => {
    const { client, calls } = clientWith(cutOff(200), { maxRetries: 2 });
    const error = await settle(client.GET('/payouts/{id}/', { params: { path: { id: 'p1' } } })).catch((e: unknown) => e);
    expect(calls).toHaveLength(3);
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect(error).toMatchObject({ method: 'GET', status: 200, idempotencyKey: undefined });
  });

  it('keeps a 204 without a body a success', async () => {
    const { client, calls } = clientWith(() => new Response(null, { status: 204 }), { throwOnError: true });
    const { response } = await settle(client.DELETE('/payouts/{id}/', { params: { path: { id: 'p1' } } }));
    expect(response.status).toBe(204);
    expect(calls).toHaveLength(1);
  });

  it('still parses a 2xx whose body arrives without a Content-Length, and leaves parseAs to the caller', async () => {
    const { client } = clientWith(() => new Response(JSON.stringify(payout('p1')), { status: 200 }));
    expect((await client.GET('/payouts/{id}/', { params: { path: { id: 'p1' } } })).data?.id).toBe('p1');
    const text = clientWith(() => new Response('plain', { status: 200 }));
    const { data } = await text.client.GET('/payouts/{id}/', { params: { path: { id: 'p1' } }, parseAs: 'text' });
    expect(data).toBe('plain');
  });

  it('with parseAs text, a body cut off is a ResponseBodyError too', async () => {
    const { client } = clientWith(cutOff(200), { maxRetries: 0 });
    const error = await client.GET('/payouts/{id}/', { params: { path: { id: 'p1' } }, parseAs: 'text' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect(error).toMatchObject({ method: 'GET', status: 200, requestId: 'req-42' });
  });

  it('a 2xx body that stalls is still a TimeoutError, and retried', async () => {
    const stalled = (call: { signal?: AbortSignal }) =>
      new Response(
        new ReadableStream({ start: (c) => call.signal?.addEventListener('abort', () => c.error(call.signal?.reason)) }),
        { status: 201 },
      );
    const { client, calls } = clientWith(sequence(stalled, () => json(201, payout('p1'))), { timeoutMs: 100, maxRetries: 1 });
    const { data } = await settle(client.POST('/payouts/', { body: newPayout }));
    expect(data?.id).toBe('p1');
    expect(calls).toHaveLength(2);

    const once = clientWith(stalled, { timeoutMs: 100, maxRetries: 0 });
    const error = await settle(once.client.POST('/payouts/', { body: newPayout })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).idempotencyKey).toBe(once.calls[0]!.headers.get('idempotency-key'));
  });
});

describe('a 2xx body that is not JSON', () => {
  it('is named without quoting any of it (it may hold anything)', async () => {
    const secretish = 'ZQX9|wkJ~vq7#PzY8^';
    const { client } = clientWith(() => new Response(secretish, { status: 200 }), { maxRetries: 0 });
    const error = (await client.GET('/payouts/').catch((e: unknown) => e)) as ResponseBodyError;
    expect(error.message).toBe(`GET ${BASE}/payouts/: the body of its 200 could not be read: the body is not JSON`);
    const everything = `${error.message} ${String(error.stack)} ${JSON.stringify(error.cause)} ${(error.cause as Error).message}`;
    for (let at = 0; at + 3 <= secretish.length; at++) expect(everything).not.toContain(secretish.slice(at, at + 3));
  });
});

describe('an error response whose body breaks', () => {
  it('keeps its status and request id, and is retried as a 5xx is', async () => {
    const { client, calls } = clientWith(cutOff(503), { maxRetries: 1, throwOnError: true });
    const error = await settle(client.POST('/payouts/', { body: newPayout })).catch((e: unknown) => e);
    expect(calls).toHaveLength(2);
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect(error).toMatchObject({ status: 503, requestId: 'req-42', idempotencyKey: calls[0]!.headers.get('idempotency-key') });
  });
});
