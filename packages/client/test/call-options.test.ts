/**
 * Per-call options against a real, slow HTTP server on 127.0.0.1: a call's timeoutMs, maxRetries,
 * idempotencyKey and signal apply to that call only; the client's options stay the defaults.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGigapayClient, TimeoutError } from '../src/index.js';
import { answer, httpServer } from './http-server.js';
import { payout, TOKEN } from './helpers.js';

let server: Awaited<ReturnType<typeof httpServer>>;
beforeAll(async () => {
  server = await httpServer((request, response) => {
    // /payouts/{id}/: answers after 300 ms. /payouts/: a 503 that may be retried at once.
    if (request.path.startsWith('/v2/payouts/slow/')) return answer(response, 200, payout('slow'), {}, 300);
    if (request.path.startsWith('/v2/payouts/')) return answer(response, request.method === 'POST' ? 201 : 503, payout('p1'), { 'retry-after': '0' });
    answer(response, 404, { detail: 'Not found.' });
  });
});
afterAll(() => server.close());

const client = (options: { timeoutMs?: number; maxRetries?: number } = {}) =>
  createGigapayClient({ token: TOKEN, integrationId: 'integration-1', server: server.url, ...options });
const slow = { params: { path: { id: 'slow' } } } as const;
const hits = (path: string) => server.received.filter((request) => request.path === path).length;

describe('timeoutMs per call', () => {
  it("a longer one lets a slow call through; the client's own still applies to the others", async () => {
    const gigapay = client({ timeoutMs: 100, maxRetries: 0 });
    await expect(gigapay.GET('/payouts/{id}/', slow)).rejects.toBeInstanceOf(TimeoutError);
    const patient = await gigapay.GET('/payouts/{id}/', { ...slow, timeoutMs: 2_000 });
    expect(patient.status).toBe(200);
    expect(patient.data?.id).toBe('slow');
    await expect(gigapay.GET('/payouts/{id}/', slow)).rejects.toThrow('timed out after 100 ms');
  });

  it('a shorter one times out where the client would wait; 0 turns it off', async () => {
    const gigapay = client({ timeoutMs: 5_000, maxRetries: 0 });
    await expect(gigapay.GET('/payouts/{id}/', { ...slow, timeoutMs: 50 })).rejects.toThrow('timed out after 50 ms');
    expect((await client({ timeoutMs: 100, maxRetries: 0 }).GET('/payouts/{id}/', { ...slow, timeoutMs: 0 })).status).toBe(200);
  });
});

describe('maxRetries per call', () => {
  it('0 makes one attempt where the client would make three, and more than the client also works', async () => {
    const before = hits('/v2/payouts/');
    const once = await client({ maxRetries: 2 }).GET('/payouts/', { maxRetries: 0 });
    expect(once.status).toBe(503);
    expect(hits('/v2/payouts/') - before).toBe(1);
    await client({ maxRetries: 0 }).GET('/payouts/', { maxRetries: 2 });
    expect(hits('/v2/payouts/') - before).toBe(4);
    await client({ maxRetries: 2 }).GET('/payouts/');
    expect(hits('/v2/payouts/') - before).toBe(7);
  });
});

describe('idempotencyKey and signal per call', () => {
  it('sends the key as Idempotency-Key instead of a fresh UUID', async () => {
    await client().POST('/payouts/', { body: { employee: 'e1', currency: 'SEK', description: 'Gig', amount: '1.00' }, idempotencyKey: 'order-4711' });
    const post = server.received.filter((request) => request.method === 'POST').at(-1)!;
    expect(post.headers['idempotency-key']).toBe('order-4711');
  });

  it("aborts with the caller's reason, without retrying", async () => {
    const controller = new AbortController();
    const before = hits('/v2/payouts/slow/');
    const pending = client({ maxRetries: 2 }).GET('/payouts/{id}/', { ...slow, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user left')), 50);
    await expect(pending).rejects.toThrow('user left');
    expect(hits('/v2/payouts/slow/') - before).toBe(1);
  });
});
