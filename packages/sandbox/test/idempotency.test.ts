/**
 * Idempotency-Key behaviours each of which a one-line change once broke without a test noticing:
 * the scope (token and Integration-ID), what is stored (only requests that passed validation),
 * and the validator's own limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, employeeBody, payoutBody, start, type Call } from './helpers.js';

let sandbox: Awaited<ReturnType<typeof start>>;
let call: Call;

beforeAll(async () => {
  sandbox = await start();
  call = api(sandbox);
});
afterAll(() => sandbox.close());

describe('Idempotency-Key scope', () => {
  it("is the token and the Integration-ID: the same key under another integration never replays the first one's object", async () => {
    const other = (await call('POST', 'integrations/', { name: 'Second AB', email: 's@example.com', recipient: 'S', address_line_1: 'G 1', zip_code: '1', city: 'S' })).body;
    const inOther = api(sandbox, { 'integration-id': other.id });
    const body = employeeBody();
    const first = await call('POST', 'employees/', body, { 'idempotency-key': 'shared-key' });
    const second = await inOther('POST', 'employees/', body, { 'idempotency-key': 'shared-key' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body.id).not.toBe(first.body.id);
    expect((await inOther('GET', `employees/${first.body.id}/`)).status).toBe(404);
    expect((await inOther('GET', 'employees/')).body.results.map((e: any) => e.id)).toEqual([second.body.id]);
  });

  it('is the token too: another account with the same key and Integration-ID-free path gets its own answer', async () => {
    const stranger = api({ url: sandbox.url, ...sandbox.control.createAccount() });
    const body = { name: 'Mine AB', email: 'm@example.com', recipient: 'M', address_line_1: 'G 1', zip_code: '1', city: 'S' };
    const first = await call('POST', 'integrations/', body, { 'idempotency-key': 'integration-key' });
    const second = await stranger('POST', 'integrations/', body, { 'idempotency-key': 'integration-key' });
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body.id).not.toBe(first.body.id);
  });
});

describe('what a key stores', () => {
  it('not a request that failed validation: the corrected retry with the same key succeeds', async () => {
    const employee = (await call('POST', 'employees/', employeeBody())).body;
    const invalid = await call('POST', 'payouts/', payoutBody(employee.id, { amount: 'a lot' }), { 'idempotency-key': 'fix-me' });
    expect(invalid.status).toBe(400);
    const corrected = await call('POST', 'payouts/', payoutBody(employee.id), { 'idempotency-key': 'fix-me' });
    expect(corrected.status).toBe(201);
    expect(corrected.headers.get('idempotent-replayed')).toBeNull();
    // And from now on the key is the corrected request's.
    expect((await call('POST', 'payouts/', payoutBody(employee.id), { 'idempotency-key': 'fix-me' })).headers.get('idempotent-replayed')).toBe('true');
  });

  it('not an unparseable body either', async () => {
    expect((await call('POST', 'employees/', '{"name": ', { 'idempotency-key': 'broken-json' })).status).toBe(400);
    expect((await call('POST', 'employees/', employeeBody(), { 'idempotency-key': 'broken-json' })).status).toBe(201);
  });
});

describe("the validator's own limits", () => {
  it("description's maxLength of 200: 200 characters pass, 201 are a 400 on description", async () => {
    const employee = (await call('POST', 'employees/', employeeBody())).body;
    expect((await call('POST', 'payouts/', payoutBody(employee.id, { description: 'd'.repeat(200) }))).status).toBe(201);
    const over = await call('POST', 'payouts/', payoutBody(employee.id, { description: 'd'.repeat(201) }));
    expect(over.status).toBe(400);
    expect(over.body).toEqual({ description: ['Ensure this field has no more than 200 characters.'] });
    const pricing = await call('POST', 'pricing/', payoutBody(employee.id, { description: 'd'.repeat(201) }));
    expect(pricing.status).toBe(400);
  });
});

describe('the Idempotency-Key header itself', () => {
  it('is 1 to 255 characters, as the spec documents: an empty or longer key is a 400 and nothing happens', async () => {
    const before = sandbox.control.snapshot();
    for (const key of ['', 'k'.repeat(256)]) {
      const response = await call('POST', 'employees/', employeeBody(), { 'idempotency-key': key });
      expect(response.status, `${key.length} characters`).toBe(400);
      expect(response.body['Idempotency-Key'][0]).toMatch(/255|blank/);
    }
    expect(sandbox.control.snapshot()).toBe(before);
    expect((await call('POST', 'employees/', employeeBody(), { 'idempotency-key': 'k'.repeat(255) })).status).toBe(201);
  });
});
