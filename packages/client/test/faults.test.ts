/**
 * Fault tests, through the public client with an injected fetch. Fake timers make the backoff and
 * Retry-After waits exact and instant.
 */
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  AbortError,
  ConnectionError,
  createGigapayClient,
  GigapayError,
  RedirectError,
  ResponseBodyError,
  TimeoutError,
  type GigapayClientOptions,
} from '../src/index.js';
import { errorFromResult } from '../src/client.js';
import type { BulkValidationError, ErrorDetail, ValidationError } from '@gigapay/types';
import {
  BASE,
  clientWith,
  connectionReset,
  hangUntilAborted,
  json,
  payout,
  recordingFetch,
  sequence,
  settle,
  TOKEN,
  type RecordedCall,
} from './helpers.js';

const newPayout = { amount: '100.00', currency: 'SEK', description: 'Gig', employee: 'employee-1' };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('retries', () => {
  it('retries 503 then 201 with the same Idempotency-Key and the same body', async () => {
    const { client, calls } = clientWith(sequence(() => json(503, { detail: 'Down' }), () => json(201, payout('p1'))));
    const { data, error, response } = await settle(client.POST('/payouts/', { body: newPayout }));

    expect(error).toBeUndefined();
    expect(response.status).toBe(201);
    expect(data?.id).toBe('p1');
    expect(calls).toHaveLength(2);
    const [first, second] = calls as [(typeof calls)[0], (typeof calls)[0]];
    expect(first.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers.get('idempotency-key')).toBe(first.headers.get('idempotency-key'));
    expect(first.body).toBe(JSON.stringify(newPayout));
    expect(second.body).toBe(first.body);
  });

  it("retries with the caller's own key, and never keys a GET, PUT or DELETE", async () => {
    const flaky = () => sequence(() => json(503, { detail: 'Down' }), connectionReset, () => json(200, payout('p1')));
    const post = clientWith(flaky());
    await settle(post.client.POST('/payouts/', { body: newPayout, headers: { 'Idempotency-Key': 'order-42' } }));
    expect(post.calls.map((call) => call.headers.get('idempotency-key'))).toEqual(['order-42', 'order-42', 'order-42']);

    type Client = ReturnType<typeof clientWith>['client'];
    const calls: ((c: Client) => Promise<unknown>)[] = [
      (c) => c.GET('/payouts/'),
      (c) => c.DELETE('/payouts/{id}/', { params: { path: { id: 'p1' } } }),
      (c) => c.PUT('/employees/{id}/', { params: { path: { id: 'e1' } }, body: { name: 'A' } as never }),
    ];
    for (const call of calls) {
      const { client, calls } = clientWith(flaky());
      await settle(call(client));
      expect(calls).toHaveLength(3); // retried: safe to repeat without a key
      expect(calls.map((c) => c.headers.get('idempotency-key'))).toEqual([null, null, null]);
    }
  });

  it('makes maxRetries + 1 attempts at most, and one with maxRetries 0', async () => {
    for (const maxRetries of [0, 1, 4]) {
      const { client, calls } = clientWith(() => json(503, {}, { 'Retry-After': '0' }), { maxRetries });
      await settle(client.POST('/payouts/', { body: newPayout }));
      expect(calls).toHaveLength(maxRetries + 1);
      expect(new Set(calls.map((call) => call.headers.get('idempotency-key'))).size).toBe(1);
    }
  });

  it('waits what Retry-After says on 429, then retries', async () => {
    const { client, calls } = clientWith(sequence(() => json(429, { detail: 'Slow down' }, { 'Retry-After': '2' }), () => json(200, payout('p1'))));
    const pending = client.GET('/payouts/{id}/', { params: { path: { id: 'p1' } } });

    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    expect((await pending).data?.id).toBe('p1');
  });

  it('honours Retry-After as an HTTP date', async () => {
    vi.setSystemTime(Date.parse('2022-04-29T10:00:00Z'));
    const { client, calls } = clientWith(
      sequence(() => json(503, {}, { 'Retry-After': 'Fri, 29 Apr 2022 10:00:05 GMT' }), () => json(200, payout('p1'))),
    );
    const pending = client.GET('/payouts/{id}/', { params: { path: { id: 'p1' } } });
    await vi.advanceTimersByTimeAsync(4999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await pending;
  });

  it('retries a connection reset of a keyed POST (same key), and of a GET', async () => {
    const post = clientWith(sequence(connectionReset, () => json(201, payout('p1'))));
    await settle(post.client.POST('/payouts/', { body: newPayout }));
    expect(post.calls).toHaveLength(2);
    expect(post.calls[1]!.headers.get('idempotency-key')).toBe(post.calls[0]!.headers.get('idempotency-key'));

    const get = clientWith(sequence(connectionReset, () => json(200, payout('p1'))));
    await settle(get.client.GET('/payouts/{id}/', { params: { path: { id: 'p1' } } }));
    expect(get.calls).toHaveLength(2);
  });

  it('never repeats an unkeyed POST: the policy refuses, and the client keys every POST', async () => {
    const { shouldRetry } = await import('../src/internal/retry-policy.js');
    expect(shouldRetry({ method: 'POST', keyed: false, attempt: 0, maxRetries: 3 })).toBe(false);
    expect(shouldRetry({ method: 'POST', keyed: true, attempt: 0, maxRetries: 3 })).toBe(true);

    // Below the client, the transport keys a bare POST before its first attempt.
    const { createTransport } = await import('../src/internal/transport.js');
    const { PendingRequest } = await import('../src/internal/pending-request.js');
    const { fetch, calls } = recordingFetch(connectionReset);
    const send = createTransport({ fetch, timeoutMs: 1000, maxRetries: 2, maxResponseBytes: 1e7, sleep: async () => {} });
    const bare = new PendingRequest(`${BASE}/payouts/`, { method: 'POST', headers: new Headers(), body: '{}' });
    await expect(send(bare)).rejects.toBeInstanceOf(ConnectionError);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((call) => call.headers.get('idempotency-key'))).size).toBe(1);
  });

  it('reports a connection error after the retries, with the cause', async () => {
    const { client, calls } = clientWith(connectionReset, { maxRetries: 1 });
    const error = await settle(client.GET('/payouts/')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toContain('GET https://api.demo.gigapay.com/v2/payouts/');
    // A copy of what fetch threw (name, message, code, and the same of its cause): see 'the token'.
    expect((error as ConnectionError).cause).toMatchObject({ name: 'TypeError', message: 'fetch failed', cause: { code: 'ECONNRESET' } });
    expect(calls).toHaveLength(2);
  });

  it('names the Idempotency-Key of a failed write, so that the caller can retry it safely', async () => {
    // The first call fails in transport after its retries (the server may have taken it).
    const { client, calls } = clientWith(sequence(connectionReset, connectionReset, () => json(201, payout('p1'))), { maxRetries: 1 });
    const error = await settle(client.POST('/payouts/', { body: newPayout })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    const key = (error as ConnectionError).idempotencyKey;
    expectTypeOf(key).toEqualTypeOf<string | undefined>();
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls.map((call) => call.headers.get('idempotency-key'))).toEqual([key, key]);

    await settle(client.POST('/payouts/', { body: newPayout, headers: { 'Idempotency-Key': key! } }));
    expect(calls[2]!.headers.get('idempotency-key')).toBe(key); // the same key: the server answers from its store
  });

  it('names the Idempotency-Key on every kind of error of a keyed request, and none for a GET', async () => {
    const cases: [(call: RecordedCall) => Response | Promise<Response>, Partial<GigapayClientOptions>][] = [
      [hangUntilAborted, { timeoutMs: 50 }], // TimeoutError
      [stalledBody(201), { timeoutMs: 50 }], // TimeoutError of a 2xx body
      [() => json(503, { detail: 'Down' }), { throwOnError: true }], // ServerError
      [() => json(400, { amount: ['Invalid'] }), { throwOnError: true }], // ValidationError
      [() => new Response(null, { status: 307, headers: { Location: `${BASE}/payouts/` } }), {}], // RedirectError
    ];
    for (const [respond, options] of cases) {
      const { client, calls } = clientWith(respond, { maxRetries: 0, ...options });
      const error = await settle(client.POST('/payouts/', { body: newPayout })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GigapayError);
      expect((error as GigapayError).idempotencyKey).toBe(calls[0]!.headers.get('idempotency-key'));
      expect((error as GigapayError).idempotencyKey).toBeTruthy();

      const get = await settle(client.GET('/payouts/')).catch((e: unknown) => e);
      if (get instanceof GigapayError) expect(get.idempotencyKey).toBeUndefined();
    }
    // The default mode builds the same errors (paginate, createPayoutsInBulk) from the response.
    const { client, calls } = clientWith(() => json(503, { detail: 'Down' }), { maxRetries: 0 });
    const { response, error } = await settle(client.PATCH('/employees/{id}/', { params: { path: { id: 'e1' } }, body: { name: 'A' } }));
    expect(errorFromResult(response, error).idempotencyKey).toBe(calls[0]!.headers.get('idempotency-key'));
  });

  it('does not retry 400, 401, 403 or 404', async () => {
    for (const status of [400, 401, 403, 404]) {
      const { client, calls } = clientWith(() => json(status, { detail: 'No' }));
      await settle(client.POST('/payouts/', { body: newPayout }));
      expect(calls).toHaveLength(1);
    }
  });

  it('returns the last 5xx as the typed error when retries run out (default mode)', async () => {
    const { client, calls } = clientWith(() => json(503, { detail: 'Down' }, { 'Retry-After': '0' }), { maxRetries: 2 });
    const { error, response } = await settle(client.GET('/payouts/'));
    expect(calls).toHaveLength(3);
    expect(response.status).toBe(503);
    expect(error).toEqual({ detail: 'Down' });
  });
});

/** A response whose headers arrive and whose body then stalls until the attempt is aborted. */
const stalledBody = (status: number) => (call: { signal?: AbortSignal }) => {
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"id":'));
      call.signal?.addEventListener('abort', () => controller.error(call.signal?.reason));
    },
  });
  return new Response(body, { status, headers: { 'content-type': 'application/json' } });
};

describe('timeouts', () => {
  it('fires per attempt: every attempt gets its own full timeout', async () => {
    const { client, calls } = clientWith(hangUntilAborted, { timeoutMs: 1000, maxRetries: 1 });
    const pending = client.GET('/payouts/').catch((e: unknown) => e);

    await vi.advanceTimersByTimeAsync(999);
    expect(calls[0]!.signal!.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls[0]!.signal!.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(500); // the backoff: at most 500 ms before the second attempt
    expect(calls).toHaveLength(2);
    expect(calls[1]!.signal!.aborted).toBe(false); // a fresh timer, not the first one's

    await vi.advanceTimersByTimeAsync(1000);
    const error = await pending;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toContain('timed out after 1000 ms');
  });

  it('covers an error body that stalls after the headers', async () => {
    const { client } = clientWith(stalledBody(503), { timeoutMs: 1000, maxRetries: 0, maxResponseBytes: 1e7 });
    const pending = client.GET('/payouts/').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await pending).toBeInstanceOf(TimeoutError);
  });

  it('covers a 2xx body that stalls after the headers', async () => {
    const { client } = clientWith(stalledBody(200), { timeoutMs: 1000, maxRetries: 0, maxResponseBytes: 1e7 });
    const pending = client.GET('/payouts/').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    const error = await pending;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toBe(`GET ${BASE}/payouts/ timed out after 1000 ms`);
    expect(error).toMatchObject({ method: 'GET', url: `${BASE}/payouts/`, status: 200 });
  });

  it('stops the timer of a 2xx once its body is read', async () => {
    const { client, calls } = clientWith(() => json(200, { count: 0, next: null, previous: null, results: [] }), { timeoutMs: 1000 });
    await client.GET('/payouts/');
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls[0]!.signal!.aborted).toBe(false);
  });

  it("reports the caller's own timeout during a 2xx body as the caller's abort (its reason the cause), not as the client's", async () => {
    const { client } = clientWith(stalledBody(200), { timeoutMs: 10_000, maxRetries: 0 });
    const controller = new AbortController(); // as AbortSignal.timeout() would, with a TimeoutError reason
    const reason = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const pending = client.GET('/payouts/', { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort(reason);
    const error = await pending;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe(reason);
    expect(error).not.toBeInstanceOf(TimeoutError);
  });

  it('settles the attempt of a 2xx whose body fails to read: timer cleared, caller listener removed', async () => {
    const broken = () => {
      const body = new ReadableStream({ start: (controller) => controller.error(new TypeError('terminated')) });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    };
    // Read by the transport (JSON, the default), or handed over to openapi-fetch (any other parseAs).
    for (const parseAs of ['json', 'text'] as const) {
      const { client, calls } = clientWith(broken, { timeoutMs: 1000, maxRetries: 0, maxResponseBytes: 1e7 });
      const controller = new AbortController();
      const error = await client.GET('/payouts/', { signal: controller.signal, parseAs }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseBodyError);
      expect((error as Error).cause).toMatchObject({ name: 'TypeError', message: 'terminated' });
      await vi.advanceTimersByTimeAsync(5000);
      expect(calls[0]!.signal!.aborted).toBe(false); // the timer was cleared
      controller.abort();
      expect(calls[0]!.signal!.aborted).toBe(false); // and the listener on the caller's signal removed
    }
  });

  it("combines with the caller's signal; a caller abort is not retried", async () => {
    const { client, calls } = clientWith(hangUntilAborted, { timeoutMs: 10_000, maxRetries: 3 });
    const controller = new AbortController();
    const pending = client.GET('/payouts/', { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error('user navigated away'));
    const error = await pending;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toBe(`GET ${BASE}/payouts/ was aborted: user navigated away`);
    await vi.runAllTimersAsync();
    expect(calls).toHaveLength(1);
  });

  it('a caller abort during the backoff stops the retries', async () => {
    const { client, calls } = clientWith(() => json(503, {}, { 'Retry-After': '5' }));
    const controller = new AbortController();
    const pending = client.GET('/payouts/', { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    expect((await pending) as Error).toHaveProperty('name', 'AbortError');
    expect(calls).toHaveLength(1);
  });
});

describe('redirects', () => {
  it('does not follow a 307, and names the Location and the missing trailing slash', async () => {
    const { client, calls } = clientWith(() => new Response(null, { status: 307, headers: { Location: `${BASE}/payouts/` } }));
    const error = await settle(client.GET('/payouts' as '/payouts/')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 307, location: `${BASE}/payouts/` });
    expect((error as Error).message).toContain('trailing slash');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.redirect).toBe('manual');
  });

  it('explains a 301 from plain http', async () => {
    const { client } = clientWith(
      () => new Response(null, { status: 301, headers: { Location: 'https://api.demo.gigapay.com/v2/payouts/' } }),
      { server: 'http://api.demo.gigapay.com/v2/' },
    );
    const error = await settle(client.GET('/payouts/')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as Error).message).toContain('plain http');
  });

  it('is thrown in throwOnError mode too', async () => {
    const { fetch } = recordingFetch(() => new Response(null, { status: 302, headers: { Location: '/elsewhere/' } }));
    const client = createGigapayClient({ token: TOKEN, fetch, throwOnError: true });
    await expect(settle(client.GET('/payouts/'))).rejects.toBeInstanceOf(RedirectError);
  });
});

describe('typed errors', () => {
  it('types a 400 by the spec in default mode', async () => {
    const body = { description: ['This field may not be blank.'], employee: { non_field_errors: ['Either email or cellphone_number is required.'] } };
    const { client } = clientWith(() => json(400, body));
    const result = await settle(client.POST('/payouts/', { body: newPayout }));
    const { data, error } = result;

    expect(data).toBeUndefined();
    expect(error).toEqual(body);
    expect(result.status).toBe(400);
    // The 400 of createPayout is a ValidationError object or a BulkValidationError array; 401/403
    // ErrorDetail, as are 429 and the 5XX range; a status the spec does not document (409) is the general branch.
    if (result.status === 400) expectTypeOf(result.error).toEqualTypeOf<ValidationError | BulkValidationError>();
    if (result.status === 401 || result.status === 403) expectTypeOf(result.error).toEqualTypeOf<ErrorDetail>();
    if (result.status === 503) expectTypeOf(result.error).toEqualTypeOf<ErrorDetail>();
    if (result.status === 409) expectTypeOf(result.error).toBeUnknown();
    // @ts-expect-error: a 400 is never a Payout
    if (result.status === 400) expectTypeOf(result.error).toExtend<{ id: string }>();
    if (result.status === 400 && !Array.isArray(result.error)) {
      expectTypeOf(result.error.non_field_errors).toEqualTypeOf<string[] | undefined>();
    }
  });
});

describe('the token', () => {
  const leaks = (error: unknown) =>
    [String(error), (error as Error).message, (error as Error).stack ?? '', JSON.stringify(error), inspect(error, { depth: 10 })].some(
      (text) => text.includes(TOKEN),
    );

  it('appears in the Authorization header, and in no error of any kind', async () => {
    const failures = [
      () => json(400, { description: ['blank'] }),
      () => json(401, { detail: 'Invalid token.' }),
      () => json(403, { detail: 'Integration-ID header is required.' }),
      () => json(404, { detail: 'Not found.' }),
      () => json(429, { detail: 'Slow down' }, { 'Retry-After': '0' }),
      () => json(500, 'oops'),
      () => new Response(null, { status: 307, headers: { Location: `${BASE}/payouts/` } }),
      connectionReset,
      // A fetch whose own error quotes the request headers, in its message or deeper down.
      (call: { headers: Headers }) => {
        throw new Error(`refused ${call.headers.get('authorization')}`);
      },
      (call: { headers: Headers }) => {
        const inner = new Error(`sent ${call.headers.get('authorization')}`);
        throw new TypeError('fetch failed', { cause: new Error('socket closed', { cause: inner }) });
      },
      (call: { headers: Headers }) => {
        throw Object.assign(new Error('refused'), { request: { headers: Object.fromEntries(call.headers) } });
      },
      (call: { headers: Headers }) => {
        throw new TypeError('fetch failed', { cause: { code: 'EPROTO', headers: Object.fromEntries(call.headers) } });
      },
      (call: { headers: Headers }) => {
        const attempts = [new Error('ECONNREFUSED ::1'), new Error(`ECONNREFUSED with ${call.headers.get('authorization')}`)];
        throw new AggregateError(attempts, 'all addresses failed');
      },
      (call: { headers: Headers }) => {
        throw { message: 'not an Error', headers: Object.fromEntries(call.headers) };
      },
      (call: { headers: Headers }) => {
        const looped: Error & { auth?: string } = new Error('cause loops', { cause: null });
        throw Object.assign(looped, { cause: looped, auth: call.headers.get('authorization') }); // ends, at a depth of 8
      },
      // A proxy that echoes the request headers into its error body.
      (call: { headers: Headers }) => json(502, { detail: `Bad gateway for ${call.headers.get('authorization')}` }),
      (call: { headers: Headers }) => new Response(`upstream refused: Authorization: ${call.headers.get('authorization')}`, { status: 503 }),
      (call: { headers: Headers }) => json(400, { description: [`echo ${call.headers.get('authorization')}`] }),
      (call: { headers: Headers }) => json(500, {}, { 'X-Echo-Authorization': call.headers.get('authorization')! }),
      (call: { headers: Headers }) =>
        new Response(null, { status: 307, headers: { Location: `${BASE}/payouts/`, 'X-Echo-Authorization': call.headers.get('authorization')! } }),
      hangUntilAborted,
      // A 2xx whose body is not JSON (quoting the request) or is cut off: a ResponseBodyError.
      (call: { headers: Headers }) => new Response(`{"echo": "${call.headers.get('authorization')}`, { status: 201 }),
      (call: { headers: Headers }) => new Response(`<p>${call.headers.get('authorization')}</p>`, { status: 201 }),
    ];
    for (const respond of failures) {
      const { fetch, calls } = recordingFetch(respond);
      const client = createGigapayClient({ token: TOKEN, fetch, throwOnError: true, timeoutMs: 50, maxRetries: 1 });
      const error = await settle(client.POST('/payouts/', { body: newPayout })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GigapayError);
      expect(leaks(error), inspect(error)).toBe(false);
      expect(calls[0]!.headers.get('authorization')).toBe(`Token ${TOKEN}`);
    }
  });

  it('is redacted from an error body in default mode too, where the body is the result', async () => {
    const { client } = clientWith((call) => json(502, { detail: `Bad gateway for ${call.headers.get('authorization')}` }), { maxRetries: 0 });
    const { error } = await settle(client.GET('/payouts/'));
    expect(error).toEqual({ detail: 'Bad gateway for Token [redacted]' });
  });
});
