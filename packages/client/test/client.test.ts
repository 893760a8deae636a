import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Employee, Payout, Payrun } from '@gigapay/types';
import {
  AuthenticationError,
  createGigapayClient,
  GigapayError,
  LEGACY_SERVERS,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  ValidationError,
} from '../src/index.js';
import { clientWith, employee, json, payout, recordingFetch, TOKEN } from './helpers.js';

const newPayout = { amount: '100.00', currency: 'SEK', description: 'Gig', employee: 'employee-1' };

describe('requests', () => {
  it('sends the token, Integration-ID, Accept-Language and User-Agent', async () => {
    const { client, calls } = clientWith(() => json(200, { count: 0, next: null, previous: null, results: [] }), {
      language: 'sv',
      userAgent: 'payroll-service/1.0',
    });
    await client.GET('/payouts/', { params: { query: { page: 2, expand: ['employee', 'payrun'] } } });
    const [call] = calls;
    expect(call!.url).toBe('https://api.demo.gigapay.com/v2/payouts/?page=2&expand=employee&expand=payrun');
    expect(call!.headers.get('authorization')).toBe(`Token ${TOKEN}`);
    expect(call!.headers.get('integration-id')).toBe('integration-1');
    expect(call!.headers.get('accept-language')).toBe('sv');
    expect(call!.headers.get('user-agent')).toBe('payroll-service/1.0');
    expect(call!.headers.has('idempotency-key')).toBe(false);
  });

  it('lets a call override Integration-ID', async () => {
    const { client, calls } = clientWith(() => json(200, payout('p1')));
    await client.GET('/payouts/{id}/', { params: { path: { id: 'p1' } }, headers: { 'Integration-ID': 'other' } });
    await client.GET('/payouts/{id}/', { params: { path: { id: 'p1' }, header: { 'Integration-ID': 'third' } } });
    expect(calls.map((call) => call.headers.get('integration-id'))).toEqual(['other', 'third']);
  });

  it('picks the server: demo by default, production, the .se hosts of before, or a base URL', async () => {
    const urls: string[] = [];
    for (const server of [undefined, 'production', LEGACY_SERVERS.demo, LEGACY_SERVERS.production, 'http://127.0.0.1:4010/v2/']) {
      const { client, calls } = clientWith(() => json(200, employee('e1')), server ? { server } : {});
      await client.GET('/payouts/{id}/', { params: { path: { id: 'p 1' } } });
      urls.push(calls[0]!.url);
    }
    expect(urls).toEqual([
      'https://api.demo.gigapay.com/v2/payouts/p%201/',
      'https://api.gigapay.com/v2/payouts/p%201/',
      'https://api.demo.gigapay.se/v2/payouts/p%201/',
      'https://api.gigapay.se/v2/payouts/p%201/',
      'http://127.0.0.1:4010/v2/payouts/p%201/',
    ]);
  });

  it('refuses an unusable server at construction, naming the accepted forms', () => {
    for (const server of ['sandbox', 'api.demo.gigapay.com/v2/', 'ftp://127.0.0.1/v2/', 'localhost:4010', '', 'https://', 'http://exa mple/v2/', 'https://x/v2/?q=1']) {
      expect(() => createGigapayClient({ token: TOKEN, server }), server).toThrow(
        `createGigapayClient: \`server\` is ${JSON.stringify(server)}: give 'demo', 'production' or an http(s) base URL such as 'http://127.0.0.1:4010/v2/'.`,
      );
    }
    for (const server of ['demo', 'production', 'http://127.0.0.1:4010/v2/', 'HTTPS://api.example.com', 'http://[::1]:4010/v2']) {
      expect(() => createGigapayClient({ token: TOKEN, server }), server).not.toThrow();
    }
  });

  it('keys every POST and PATCH with a fresh UUID v4, and keeps a key the caller chose', async () => {
    const { client, calls } = clientWith(() => json(201, payout('p1')));
    await client.POST('/payouts/', { body: newPayout });
    await client.POST('/payouts/', { body: newPayout });
    await client.PATCH('/employees/{id}/resend/', { params: { path: { id: 'e1' } } });
    await client.POST('/payouts/', { body: newPayout, headers: { 'Idempotency-Key': 'order-42' } });
    await client.POST('/payouts/', { body: newPayout, params: { header: { 'Idempotency-Key': 'order-43' } } });
    const keys = calls.map((call) => call.headers.get('idempotency-key'));
    const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(keys.slice(0, 3).every((key) => uuidV4.test(key!))).toBe(true);
    expect(new Set(keys.slice(0, 3)).size).toBe(3);
    expect(keys.slice(3)).toEqual(['order-42', 'order-43']);
    expect(calls[0]!.headers.get('content-type')).toBe('application/json');
  });

  it('refuses a token with the "Token " prefix, without echoing it', () => {
    expect(() => createGigapayClient({ token: `Token ${TOKEN}` })).toThrow(/bare API key/);
    expect(() => createGigapayClient({ token: `Token ${TOKEN}` })).not.toThrow(TOKEN);
    expect(() => createGigapayClient({ token: '' })).toThrow(TypeError);
  });
});

describe('types', () => {
  it('makes Integration-ID optional per call and keeps path params required', async () => {
    const { client } = clientWith(() => json(200, payout('p1')));
    await client.GET('/payouts/');
    // Checked by the type checker only: these calls are never made.
    const neverCalled = async () => {
    // @ts-expect-error: the path parameter `id` is required
    await client.GET('/payouts/{id}/', {});
    // @ts-expect-error: no such path
    await client.GET('/payout/');
    // @ts-expect-error: a payout needs a description
    await client.POST('/payouts/', { body: { amount: '1.00', currency: 'SEK', employee: 'e1' } });
    // @ts-expect-error: per-call fetch would bypass retries and keys
    await client.GET('/payouts/', { fetch: globalThis.fetch });
    };
    expect(neverCalled).toBeTypeOf('function');
  });

  it('narrows expandable fields by `expand`', async () => {
    const { client } = clientWith(() => json(200, { ...payout('p1'), employee: employee('e1') }));

    const plain = await client.GET('/payouts/{id}/', { params: { path: { id: 'p1' } } });
    expectTypeOf(plain.data!.employee).toEqualTypeOf<string>();
    // Optional: Gigapay leaves `payrun` out of some answers (the spec's decision on Payout).
    expectTypeOf(plain.data!.payrun).toEqualTypeOf<string | undefined>();

    const expanded = await client.GET('/payouts/{id}/', { params: { path: { id: 'p1' }, query: { expand: ['employee'] } } });
    expectTypeOf(expanded.data!.employee).toEqualTypeOf<Employee>();
    expectTypeOf(expanded.data!.payrun).toEqualTypeOf<string | undefined>();
    expect(expanded.data!.employee.name).toBe('Åsa Öberg');

    type Both = Awaited<ReturnType<typeof client.GET<'/payouts/', 'employee' | 'payrun'>>>;
    expectTypeOf<NonNullable<Both['data']>['results'][number]['employee']>().toEqualTypeOf<Employee>();
    expectTypeOf<NonNullable<Both['data']>['results'][number]['payrun']>().toEqualTypeOf<Payrun | undefined>();
    // The deprecated `invoice` of a Payout expands to the Payrun too, never to a billing Invoice.
    type Legacy = Awaited<ReturnType<typeof client.GET<'/payouts/{id}/', 'invoice'>>>;
    expectTypeOf<NonNullable<Legacy['data']>['invoice']>().toEqualTypeOf<Payrun | undefined>();

    const neverCalled = () =>
      // @ts-expect-error: only employee, payrun and invoice can be expanded
      client.GET('/payouts/', { params: { query: { expand: ['integration'] } } });
    expect(neverCalled).toBeTypeOf('function');
  });

  it('gives a single payout for a single body and an array for a bulk body', async () => {
    const { client } = clientWith(() => json(201, payout('p1')));
    const single = await client.POST('/payouts/', { body: newPayout });
    expectTypeOf(single.data).toEqualTypeOf<Expand<Payout> | undefined>();
    const bulk = await client.POST('/payouts/', { body: [newPayout, newPayout] });
    expectTypeOf(bulk.data).toEqualTypeOf<Expand<Payout>[] | undefined>();
    const inline = await client.POST('/payouts/', {
      params: { query: { expand: ['employee'] } },
      body: { ...newPayout, employee: { name: 'Åsa', email: 'asa@example.com', country: 'SWE' } },
    });
    expectTypeOf(inline.data!.employee).toEqualTypeOf<Employee>();
  });
});

type Expand<T> = import('../src/types.js').Expand<T>;

describe('throwOnError', () => {
  const statuses = [
    [400, ValidationError, { amount: ['A valid number is required.'] }],
    [401, AuthenticationError, { detail: 'Invalid token.' }],
    [403, PermissionDeniedError, { detail: 'Integration-ID header is required.' }],
    [404, NotFoundError, { detail: 'Not found.' }],
    [405, GigapayError, { detail: 'Method "PUT" not allowed.' }],
    [429, RateLimitError, { detail: 'Request was throttled.' }],
    [500, ServerError, 'Internal Server Error'],
  ] as const;

  it('throws one class per status, carrying status, request id and body', async () => {
    for (const [status, ErrorClass, body] of statuses) {
      const { fetch } = recordingFetch(() =>
        json(status, body, { 'x-request-id': `req-${status}`, 'Retry-After': status === 429 ? '90' : '0' }),
      );
      const client = createGigapayClient({ token: TOKEN, fetch, throwOnError: true, maxRetries: 0 });
      const error = await client.GET('/payouts/').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toMatchObject({ status, requestId: `req-${status}`, body, rawBody: JSON.stringify(body) });
      expect((error as Error).message).toContain(`GET https://api.demo.gigapay.com/v2/payouts/ failed with ${status}`);
      if (error instanceof RateLimitError) expect(error.retryAfter).toBe(90);
    }
  });

  it('returns data-only results', async () => {
    const { fetch } = recordingFetch(() => json(200, payout('p1')));
    const client = createGigapayClient({ token: TOKEN, fetch, throwOnError: true });
    const { data } = await client.GET('/payouts/{id}/', { params: { path: { id: 'p1' } } });
    expectTypeOf(data.id).toEqualTypeOf<string>();
    expect(data.id).toBe('p1');
  });
});

describe('types without an init', () => {
  it('keeps ids when no init is given at all', async () => {
    const { client } = clientWith(() => json(200, { count: 1, next: null, previous: null, results: [payout('p1')] }));
    const { data } = await client.GET('/payouts/');
    expectTypeOf(data!.results).toEqualTypeOf<Expand<Payout>[]>();
    expectTypeOf(data!.results[0]!.employee).toEqualTypeOf<string>();
  });
});
