/**
 * What the transport does that the client tests do not reach one by one: how a 2xx is read (with
 * and without Content-Length, 205, HEAD), what the caller's abort during a body does, and what the
 * redacted copy of a fetch error keeps.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortError, ConnectionError, ResponseBodyError, TimeoutError } from '../src/index.js';
import { PendingRequest } from '../src/internal/pending-request.js';
import { createTransport } from '../src/internal/transport.js';
import { BASE, clientWith, json, payout, recordingFetch, settle, TOKEN } from './helpers.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('reading a 2xx', () => {
  it('hands openapi-fetch the parsed body whether or not a Content-Length came (it calls json() or text())', async () => {
    for (const headers of [{}, { 'content-length': String(JSON.stringify(payout('p1')).length) }] as Record<string, string>[]) {
      const { client } = clientWith(() => json(200, payout('p1'), headers));
      const { data, response } = await client.GET('/payouts/{id}/', { params: { path: { id: 'p1' } } });
      expect(data).toEqual(payout('p1'));
      expect(await response.json()).toEqual(payout('p1'));
      expect(await response.text()).toBe(JSON.stringify(payout('p1')));
    }
  });

  it('does not read a 205 or the answer to a HEAD (no body by definition)', async () => {
    const { client, calls } = clientWith(() => new Response(null, { status: 205 }), { throwOnError: true });
    const { response } = await client.PUT('/employees/{id}/', { params: { path: { id: 'e1' } }, body: { name: 'A', country: 'SWE' } as never });
    expect(response.status).toBe(205);
    expect(calls).toHaveLength(1);

    const { fetch } = recordingFetch(() => new Response(null, { status: 200 }));
    const send = createTransport({ fetch, timeoutMs: 1000, maxRetries: 0, maxResponseBytes: 1e7 });
    const answer = await send(new PendingRequest(`${BASE}/payouts/`, { method: 'HEAD', headers: new Headers() }));
    expect(answer.status).toBe(200);
  });

  it('says an empty body is empty, and names the request id only when there is one', async () => {
    const { client } = clientWith(() => new Response('', { status: 201 }), { maxRetries: 0 });
    const error = (await client.POST('/payouts/', { body: { amount: '1', description: 'x', employee: 'e' } as never }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect(error.message).toBe(`POST ${BASE}/payouts/: the body of its 201 could not be read: the body is empty`);

    const withId = clientWith(() => new Response('nope', { status: 200, headers: { 'request-id': 'r-9' } }), { maxRetries: 0 });
    const named = (await withId.client.GET('/payouts/').catch((e: unknown) => e)) as ResponseBodyError;
    expect(named.message).toMatch(/^GET https:\/\/api\.demo\.gigapay\.com\/v2\/payouts\/: the body of its 200 could not be read: .+ \(request id r-9\)$/);
    expect(named.requestId).toBe('r-9');
  });

  it('names a body that failed with no reason at all', async () => {
    const broken = () => new Response(new ReadableStream({ start: (c) => c.error(undefined) }), { status: 200 });
    const { client } = clientWith(broken, { maxRetries: 0 });
    const error = (await client.GET('/payouts/').catch((e: unknown) => e)) as ResponseBodyError;
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect(error.message).toBe(`GET ${BASE}/payouts/: the body of its 200 could not be read: undefined`);
  });

  it.each([0, 3])("rejects with an AbortError (the caller's reason its cause) when the caller aborts during a 2xx body, and does not retry (maxRetries %i)", async (maxRetries) => {
    const stalled = (call: { signal?: AbortSignal }) =>
      new Response(new ReadableStream({ start: (c) => call.signal?.addEventListener('abort', () => c.error(call.signal?.reason)) }), { status: 200 });
    const { client, calls } = clientWith(stalled, { maxRetries });
    const controller = new AbortController();
    const pending = client.GET('/payouts/', { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    const reason = new Error('user left');
    controller.abort(reason);
    const error = (await pending) as AbortError;
    expect(error).toBeInstanceOf(AbortError);
    expect(error.cause).toBe(reason);
    await vi.runAllTimersAsync();
    expect(calls).toHaveLength(1);
  });

  it('times out a 2xx body that openapi-fetch reads (a parseAs other than JSON) too', async () => {
    const stalled = (call: { signal?: AbortSignal }) =>
      new Response(new ReadableStream({ start: (c) => call.signal?.addEventListener('abort', () => c.error(call.signal?.reason)) }), { status: 200 });
    const { client } = clientWith(stalled, { timeoutMs: 1000, maxRetries: 0, maxResponseBytes: 1e7 });
    const pending = client.GET('/payouts/', { parseAs: 'text' }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    const error = await pending;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ status: 200, url: `${BASE}/payouts/` });
  });
});

describe('what a fetch threw', () => {
  const thrownBy = async (value: unknown) => {
    const { client } = clientWith(() => {
      throw value;
    }, { maxRetries: 0 });
    return (await settle(client.GET('/payouts/')).catch((e: unknown) => e)) as ConnectionError;
  };

  it('names it in the message, an Error by its message and anything else as it is', async () => {
    expect((await thrownBy(new TypeError('fetch failed'))).message).toBe(`GET ${BASE}/payouts/ failed to connect: fetch failed`);
    expect((await thrownBy('plain string')).message).toBe(`GET ${BASE}/payouts/ failed to connect: plain string`);
    expect((await thrownBy(undefined)).message).toBe(`GET ${BASE}/payouts/ failed to connect: undefined`);
    expect((await thrownBy(null)).message).toBe(`GET ${BASE}/payouts/ failed to connect: null`);
    const primitive = await thrownBy(42);
    expect(primitive.message).toBe(`GET ${BASE}/payouts/ failed to connect: 42`);
    expect(primitive.cause).toBe(42);
  });

  it('is copied: name, message, code, cause and errors, and nothing else, nor keys it did not have', async () => {
    const original = Object.assign(new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) }), {
      code: 'UND_ERR',
      request: { headers: { authorization: `Token ${TOKEN}` } },
    });
    const cause = (await thrownBy(original)).cause as Error & Record<string, unknown>;
    expect(cause).not.toBe(original);
    expect(cause).toMatchObject({ name: 'TypeError', message: 'fetch failed', code: 'UND_ERR', cause: { name: 'Error', message: 'reset', code: 'ECONNRESET' } });
    expect(Object.keys(cause).sort()).toEqual(['cause', 'code', 'name']);
    expect('errors' in cause).toBe(false);
    expect('code' in (cause.cause as object)).toBe(true);
    expect('cause' in (cause.cause as object)).toBe(false);

    const bare = (await thrownBy({ code: 'EX' })).cause as Error;
    expect(bare.message).toBe('');
    expect(Object.keys(bare)).toEqual(['code']);
  });

  it("copies an AggregateError's errors, item by item, even when they loop", async () => {
    const errors: unknown[] = [new Error('::1 refused'), new Error('127.0.0.1 refused')];
    errors.push(errors);
    const cause = (await thrownBy(new AggregateError(errors, 'all failed'))).cause as { errors: unknown[] };
    expect(cause.errors.slice(0, 2)).toMatchObject([{ message: '::1 refused' }, { message: '127.0.0.1 refused' }]);
    expect(Array.isArray(cause.errors[2])).toBe(true);
  });

  it('keeps nine levels of causes and drops the rest', async () => {
    let chain: Error | undefined;
    for (let level = 11; level >= 0; level--) chain = new Error(`level ${level}`, chain && { cause: chain });
    let copy = (await thrownBy(chain)).cause as Error | undefined;
    const levels: string[] = [];
    for (; copy; copy = copy.cause as Error | undefined) levels.push(copy.message);
    expect(levels).toEqual(Array.from({ length: 9 }, (_, level) => `level ${level}`));
  });
});

describe('a body handed to the caller as a stream (parseAs stream)', () => {
  it('cancelled by the caller, cancels the response underneath (the connection is let go)', async () => {
    let cancelled: unknown = 'not cancelled';
    const { client } = clientWith(
      () => new Response(new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array(8)), cancel: (reason) => void (cancelled = reason) }), { status: 200 }),
    );
    const { data } = await client.GET('/payouts/', { parseAs: 'stream' });
    await data!.cancel('done with it');
    expect(cancelled).toBe('done with it');
  });
});

describe('the token in a per-call Authorization header', () => {
  it('is redacted however many spaces follow "Token"', async () => {
    // The server quotes the key alone, right after a colon.
    const { client } = clientWith((call) => json(400, { detail: `bad key:${call.headers.get('authorization')!.split(/\s+/)[1]}` }), {
      throwOnError: true,
    });
    const error = (await client.GET('/payouts/', { headers: { Authorization: 'Token  other-secret-1' } }).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('bad key:[redacted]');
  });
});
