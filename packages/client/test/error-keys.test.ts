/**
 * Every error of a keyed request names its key, however the call ended: the caller's own abort
 * once the request was sent (the server may have done it), or an error body too deep to walk.
 * And a PUT or DELETE whose first answer was lost says so when its retry is refused.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortError, GigapayError, NotFoundError, ServerError, ValidationError } from '../src/index.js';
import { BASE, clientWith, connectionReset, hangUntilAborted, json, sequence, settle } from './helpers.js';

const newPayout = { amount: '100.00', currency: 'SEK', description: 'Gig', employee: 'employee-1' };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("the caller's abort", () => {
  it('after the request was sent: an AbortError with the key, the reason as its cause', async () => {
    const { client, calls } = clientWith(hangUntilAborted, { maxRetries: 3 });
    const controller = new AbortController();
    const pending = client.POST('/payouts/', { body: newPayout, signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toHaveLength(1); // sent
    const reason = new Error('user left');
    controller.abort(reason);
    const error = (await pending) as AbortError;
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toBeInstanceOf(GigapayError);
    expect(error.name).toBe('AbortError'); // as fetch's own, for code that checks the name
    expect(error.cause).toBe(reason);
    expect(error.idempotencyKey).toBe(calls[0]!.headers.get('idempotency-key'));
    expect(error).toMatchObject({ method: 'POST', url: `${BASE}/payouts/` });
    expect(error.message).toBe(`POST ${BASE}/payouts/ was aborted: user left`);
    await vi.runAllTimersAsync();
    expect(calls).toHaveLength(1);
  });

  it('during the backoff after a first attempt was sent: the same, not retried', async () => {
    const attempts: number[] = [];
    const { client, calls } = clientWith(() => json(503, { detail: 'Down' }, { 'Retry-After': '5' }), {
      onRequest: (event) => attempts.push(event.attempt),
    });
    const controller = new AbortController();
    const pending = client.POST('/payouts/', { body: newPayout, signal: controller.signal, idempotencyKey: 'order-1' }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    const error = (await pending) as AbortError;
    expect(error).toBeInstanceOf(AbortError);
    expect(error.idempotencyKey).toBe('order-1');
    expect((error.cause as Error).name).toBe('AbortError');
    expect(calls).toHaveLength(1);
    expect(attempts).toEqual([1]); // no second attempt begun, not even one that would abort at once
  });

  it('during a 2xx body that openapi-fetch reads (parseAs text): the same', async () => {
    const stalled = (call: { signal?: AbortSignal | undefined }) =>
      new Response(new ReadableStream({ start: (c) => call.signal?.addEventListener('abort', () => c.error(call.signal?.reason)) }), { status: 201 });
    const { client, calls } = clientWith(stalled);
    const controller = new AbortController();
    const pending = client.POST('/payouts/', { body: newPayout, signal: controller.signal, parseAs: 'text' }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error('user left'));
    const error = (await pending) as AbortError;
    expect(error).toBeInstanceOf(AbortError);
    expect(error.idempotencyKey).toBe(calls[0]!.headers.get('idempotency-key'));
    expect(error.status).toBe(201);
  });

  it('before anything was sent: an AbortError too, and nothing is sent', async () => {
    const { client, calls } = clientWith(() => json(201, {}));
    const error = await client.POST('/payouts/', { body: newPayout, signal: AbortSignal.abort(new Error('never mind')), idempotencyKey: 'k' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ idempotencyKey: 'k', message: `POST ${BASE}/payouts/ was aborted: never mind` });
    expect(calls).toHaveLength(0);
  });
});

describe('an error body nested 10,000 deep', () => {
  const deep = (depth: number) => '{"a":'.repeat(depth) + '["x"]' + '}'.repeat(depth);

  for (const status of [400, 500]) {
    it(`${status}: the typed error with its key, not a RangeError`, async () => {
      const { client, calls } = clientWith(() => new Response(deep(10_000), { status, headers: { 'content-type': 'application/json' } }), {
        maxRetries: 0,
        throwOnError: true,
      });
      const error = (await settle(client.POST('/payouts/', { body: newPayout })).catch((e: unknown) => e)) as GigapayError;
      expect(error).toBeInstanceOf(status === 400 ? ValidationError : ServerError);
      expect(error.idempotencyKey).toBe(calls[0]!.headers.get('idempotency-key'));
      expect(error.message.length).toBeLessThan(400);
    });
  }
});

describe('a PUT or DELETE whose first answer was lost', () => {
  it('says, when its retry is refused with 404, that the first try may have done it', async () => {
    const { client, calls } = clientWith(sequence(connectionReset, () => json(404, { detail: 'Not found.' })), { throwOnError: true });
    const error = (await settle(client.DELETE('/webhooks/{id}/', { params: { path: { id: 'w1' } } })).catch((e: unknown) => e)) as NotFoundError;
    expect(calls).toHaveLength(2);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe(
      `DELETE ${BASE}/webhooks/w1/ failed with 404: Not found. An earlier attempt's answer was lost: it may have done the DELETE.`,
    );
  });

  it('the same for a PUT refused with 400, and not for a GET, nor without a lost answer', async () => {
    const put = clientWith(sequence(connectionReset, () => json(400, { id: ['Already taken.'] })), { throwOnError: true });
    const error = (await settle(put.client.PUT('/employees/{id}/', { params: { path: { id: 'e1' } }, body: { name: 'A', country: 'SWE' } as never })).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain("An earlier attempt's answer was lost: it may have done the PUT.");

    const get = clientWith(sequence(connectionReset, () => json(404, { detail: 'Not found.' })), { throwOnError: true });
    const notFound = (await settle(get.client.GET('/payouts/{id}/', { params: { path: { id: 'p1' } } })).catch((e: unknown) => e)) as Error;
    expect(notFound.message).not.toContain('earlier attempt');

    const once = clientWith(() => json(404, { detail: 'Not found.' }), { throwOnError: true });
    const plain = (await settle(once.client.DELETE('/webhooks/{id}/', { params: { path: { id: 'w1' } } })).catch((e: unknown) => e)) as Error;
    expect(plain.message).toBe(`DELETE ${BASE}/webhooks/w1/ failed with 404: Not found.`);
  });
});
