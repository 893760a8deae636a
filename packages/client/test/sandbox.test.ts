/**
 * The calls of types.test-d.ts, made against the real sandbox over HTTP on 127.0.0.1: what the
 * types promise is what comes back.
 */
import { startSandbox, type ListeningSandbox } from '@gigapay/sandbox';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createGigapayClient, isErrorOf, NotFoundError, paginate, ValidationError } from '../src/index.js';

let sandbox: ListeningSandbox;
const logs: string[] = [];
const client = () => createGigapayClient({ token: sandbox.token, integrationId: sandbox.integrationId, server: sandbox.url });
const throwing = () =>
  createGigapayClient({ token: sandbox.token, integrationId: sandbox.integrationId, server: sandbox.url, throwOnError: true });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, log: (line) => logs.push(line) });
});
afterAll(() => sandbox.close());

const employeeBody = { name: 'Åsa Öberg', email: 'asa@example.com', country: 'SWE' };
const payoutFor = (employee: string) => ({ employee, currency: 'SEK', description: 'Gig', amount: '100.00' });

async function anEmployee(): Promise<string> {
  const { data } = await throwing().POST('/employees/', { body: { ...employeeBody, email: `${crypto.randomUUID()}@example.com` } });
  return data.id;
}

describe('results narrowed by status', () => {
  it('gives status on the result: 404 with detail, 200 with data, 201 for a single create, 200 for a bulk one', async () => {
    const gigapay = client();
    const missing = await gigapay.GET('/payouts/{id}/', { params: { path: { id: 'no-such-payout' } } });
    expect(missing.status).toBe(404);
    if (missing.status === 404) expect(missing.error.detail).toBe('Not found.');

    const employee = await anEmployee();
    const created = await gigapay.POST('/payouts/', { body: payoutFor(employee) });
    expect(created.status).toBe(201);
    const id = created.status === 201 ? created.data.id : '';
    const found = await gigapay.GET('/payouts/{id}/', { params: { path: { id } } });
    expect(found.status).toBe(200);
    if (found.status === 200) expect(found.data.amount).toBe('100.00');

    const bulk = await gigapay.POST('/payouts/', { body: [payoutFor(employee), payoutFor(employee)] });
    expect(bulk.status).toBe(200);
    if (bulk.status === 200) expect(bulk.data.map((payout) => payout.amount)).toEqual(['100.00', '100.00']);
  });
});

describe('thrown errors typed from the spec', () => {
  it('throws a NotFoundError whose body is { detail }, and isErrorOf names its operation and status', async () => {
    const error = await throwing()
      .GET('/payouts/{id}/', { params: { path: { id: 'no-such-payout' } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(isErrorOf(error, 'GET', '/payouts/{id}/', 404)).toBe(true);
    if (isErrorOf(error, 'GET', '/payouts/{id}/', 404)) expect(error.body.detail).toBe('Not found.');
    // Another operation, method or status: not this error.
    expect(isErrorOf(error, 'GET', '/payouts/', 404)).toBe(false);
    expect(isErrorOf(error, 'DELETE', '/payouts/{id}/', 404)).toBe(false);
    expect(isErrorOf(error, 'GET', '/payouts/{id}/', 403)).toBe(false);
    expect(isErrorOf(new Error('not ours'), 'GET', '/payouts/{id}/', 404)).toBe(false);
  });

  it('throws a ValidationError whose body is the per-item array of a bulk 400', async () => {
    const employee = await anEmployee();
    const error = await throwing()
      .POST('/payouts/', { body: [payoutFor(employee), { ...payoutFor(employee), amount: 'lots' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(isErrorOf(error, 'POST', '/payouts/', 400)).toBe(true);
    if (isErrorOf(error, 'POST', '/payouts/', 400)) {
      expectTypeOf(error.body).toExtend<object>();
      expect(Array.isArray(error.body) && error.body[0]).toEqual({});
      expect(Object.keys(error.fields)).toEqual(['1.amount']);
    }
  });
});

describe('exact bodies', () => {
  it('a typo the types refuse is what the sandbox drops, and it says so in Gigapay-Sandbox-Warning', async () => {
    const employee = await anEmployee();
    const result = await client().POST('/payouts/', {
      // @ts-expect-error: 'metdata' does not exist in the body (did you mean 'metadata'?)
      body: { ...payoutFor(employee), metdata: { job_id: 1 } },
    });
    expect(result.status).toBe(201);
    if (result.status === 201) expect(result.data.metadata).toEqual({});
    expect(result.response.headers.get('gigapay-sandbox-warning')).toBe('ignored unknown field: metdata');
    expect(logs.at(-1)).toMatch(/POST \/v2\/payouts\/: ignored unknown field: metdata/);
  });
});

describe('an inline employee', () => {
  it('is refused without expand (a 400, as the types say) and created with it', async () => {
    const body = { ...payoutFor(''), employee: { ...employeeBody, email: `${crypto.randomUUID()}@example.com` } };
    // @ts-expect-error: an inline employee needs expand: ['employee']
    const refused = await client().POST('/payouts/', { body });
    expect(refused.status).toBe(400);
    const created = await client().POST('/payouts/', { params: { query: { expand: ['employee'] } }, body });
    expect(created.status).toBe(201);
    if (created.status === 201) expect(created.data.employee.name).toBe('Åsa Öberg');
  });
});

describe('ids sent as numbers, as the Gigapay docs send them', () => {
  it('create, read, filter and price with number ids; the answers carry strings', async () => {
    const gigapay = throwing();
    await gigapay.POST('/employees/', { body: { ...employeeBody, id: 1847, email: `${crypto.randomUUID()}@example.com` } });
    const created = await gigapay.POST('/payouts/', { body: { id: 9472, employee: 1847, currency: 'SEK', description: 'Gig', amount: '100.00' } });
    expect(created.data).toMatchObject({ id: '9472', employee: '1847' });
    const found = await gigapay.GET('/payouts/{id}/', { params: { path: { id: 9472 } } });
    expect(found.data.id).toBe('9472');
    const listed = await gigapay.GET('/payouts/', { params: { query: { employee: 1847 } } });
    expect(listed.data.results.map((payout) => payout.id)).toEqual(['9472']);
    const priced = await gigapay.POST('/pricing/', { body: { employee: 1847, currency: 'SEK', description: 'Gig', amount: '100.00' } });
    expect(priced.data.amount).toBe('100.00');
    const pricing = await gigapay.GET('/pricing/{id}/', { params: { path: { id: 9472 } } });
    expect(pricing.data.amount).toBe('100.00');
  });
});

describe('per-call idempotencyKey', () => {
  it('is sent as Idempotency-Key: the same key replays the first payout instead of paying twice', async () => {
    const employee = await anEmployee();
    const key = `order-${crypto.randomUUID()}`;
    const first = await client().POST('/payouts/', { body: payoutFor(employee), idempotencyKey: key });
    const again = await client().POST('/payouts/', { body: payoutFor(employee), idempotencyKey: key });
    expect(first.status).toBe(201);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.data?.id).toBe(first.data?.id);
  });
});

describe('paginate against the sandbox', () => {
  it("follows the sandbox's own next links, page after page (same origin), and stops at count", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add(await anEmployee());
    const listed: string[] = [];
    for await (const employee of paginate(client(), '/employees/', { params: { query: { page_size: 2 } } })) listed.push(employee.id);
    for (const id of ids) expect(listed).toContain(id);
    expect(new Set(listed).size).toBe(listed.length);
  });
});
