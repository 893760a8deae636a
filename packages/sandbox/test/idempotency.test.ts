/**
 * Idempotency-Key behaviours each of which a one-line change once broke without a test noticing:
 * the scope (token and Integration-ID), what is stored (only 2xx answers: no refusal, whichever
 * rule refused), what identifies a request (method, path, query, body), how long a key lives
 * (24 hours of sandbox time), what a second request with a key in flight gets, and the
 * validator's own limits.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { fingerprint, IDEMPOTENCY_TTL_MICROS, IdempotencyStore, keyProblem } from '../src/internal/idempotency.js';
import { api, employeeBody, payoutBody, start, startForFile } from './helpers.js';

const { sandbox, call } = await startForFile();

describe('Idempotency-Key scope', () => {
  it("is the token and the Integration-ID: the same key under another integration never replays the first one's object", async () => {
    // The account's web-app integration beside the default one (there is no create).
    const other = (await call('GET', 'integrations/?type=1')).body.results[0];
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
    // A key shared across tokens would make the second (another path) the 400 of a reused key.
    const credentials = sandbox.control.createAccount();
    const stranger = api({ url: sandbox.url, ...credentials });
    const body = { city: 'Malmö' };
    const first = await call('PATCH', `integrations/${sandbox.integrationId}/`, body, { 'idempotency-key': 'integration-key' });
    const second = await stranger('PATCH', `integrations/${credentials.integrationId}/`, body, { 'idempotency-key': 'integration-key' });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
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

  it.each([
    ['an amount of "0"', { amount: '0' }, { amount: ['Ensure this value is greater than 0.'] }],
    ['an unknown employee', { employee: 'no-such-employee' }, { employee: ['Object with id "no-such-employee" does not exist.'] }],
    ['an end before the start', { start_at: '2030-01-02T00:00:00Z', end_at: '2030-01-01T00:00:00Z' }, { end_at: ['end_at must not be before start_at.'] }],
  ])('not a request refused by a sandbox rule (%s): the same refusal again, then the corrected retry succeeds', async (label, change, errors) => {
    const employee = (await call('POST', 'employees/', employeeBody())).body;
    const key = `rule-${label}`;
    for (let attempt = 0; attempt < 2; attempt++) {
      const refused = await call('POST', 'payouts/', payoutBody(employee.id, change), { 'idempotency-key': key });
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual(errors);
      expect(refused.headers.get('idempotent-replayed')).toBeNull();
    }
    const corrected = await call('POST', 'payouts/', payoutBody(employee.id), { 'idempotency-key': key });
    expect(corrected.status).toBe(201);
    expect(corrected.headers.get('idempotent-replayed')).toBeNull();
  });

  it('not a duplicate id either: the retry with a new id and the same key creates it', async () => {
    const employee = (await call('POST', 'employees/', employeeBody())).body;
    const taken = (await call('POST', 'payouts/', payoutBody(employee.id))).body.id;
    const duplicate = await call('POST', 'payouts/', payoutBody(employee.id, { id: taken }), { 'idempotency-key': 'duplicate-id' });
    expect(duplicate.status).toBe(400);
    expect(Object.keys(duplicate.body)).toEqual(['id']);
    const corrected = await call('POST', 'payouts/', payoutBody(employee.id, { id: 'a-fresh-id' }), { 'idempotency-key': 'duplicate-id' });
    expect(corrected.status).toBe(201);
    expect(corrected.body.id).toBe('a-fresh-id');
  });

  it('not a 404 of an update (PATCH of an unknown id)', async () => {
    expect((await call('PATCH', 'employees/nobody/', { name: 'X' }, { 'idempotency-key': 'patch-404' })).status).toBe(404);
    const employee = (await call('POST', 'employees/', employeeBody())).body;
    expect((await call('PATCH', `employees/${employee.id}/`, { name: 'X' }, { 'idempotency-key': 'patch-404' })).status).toBe(200);
  });

  it('not an unparseable body either', async () => {
    expect((await call('POST', 'employees/', '{"name": ', { 'idempotency-key': 'broken-json' })).status).toBe(400);
    expect((await call('POST', 'employees/', employeeBody(), { 'idempotency-key': 'broken-json' })).status).toBe(201);
  });
});

describe('what identifies a request under its key', () => {
  it('the query too: the same key and body with ?expand=employee added is refused as a different request', async () => {
    const employee = (await call('POST', 'employees/', employeeBody())).body;
    const body = payoutBody(employee.id);
    expect((await call('POST', 'payouts/', body, { 'idempotency-key': 'with-query' })).status).toBe(201);
    const expanded = await call('POST', 'payouts/?expand=employee', body, { 'idempotency-key': 'with-query' });
    expect(expanded.status).toBe(400);
    expect(expanded.body.non_field_errors[0]).toMatch(/"with-query" was already used for a different request \(method, path, query or body\)/);
    const replayed = await call('POST', 'payouts/', body, { 'idempotency-key': 'with-query' });
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('how long a key lives: 24 hours of sandbox time', () => {
  it('replayed at 23 h 59 min, free at 24 h (a new request with the old key writes again)', async () => {
    const own = await start();
    try {
      const ownCall = api(own);
      const body = employeeBody();
      const first = await ownCall('POST', 'employees/', body, { 'idempotency-key': 'day-long' });
      expect(first.status).toBe(201);
      own.control.advanceClock((23 * 60 + 59) * 60_000);
      const late = await ownCall('POST', 'employees/', body, { 'idempotency-key': 'day-long' });
      expect(late.headers.get('idempotent-replayed')).toBe('true');
      expect(late.body.id).toBe(first.body.id);
      own.control.advanceClock(60_000);
      const expired = await ownCall('POST', 'employees/', { ...body, email: 'another@example.com' }, { 'idempotency-key': 'day-long' });
      expect(expired.status).toBe(201);
      expect(expired.headers.get('idempotent-replayed')).toBeNull();
      expect(expired.body.id).not.toBe(first.body.id);
    } finally {
      await own.close();
    }
  });
});

describe('a second request with a key whose first request is still in flight', () => {
  /**
   * The first request sends its head and part of its body, and waits: a key is looked up only once
   * a body has fully arrived, and from there to its stored answer nothing waits. So the second
   * request, complete, is handled first and writes; the first, finished later, replays its answer.
   */
  it('is handled first if it arrives complete first; the first then replays it: one write, one answer', async () => {
    const employee = (await call('POST', 'employees/', employeeBody())).body;
    const text = JSON.stringify(payoutBody(employee.id, { description: 'in flight' }));
    const slow = request(new URL('payouts/', sandbox.url), {
      method: 'POST',
      headers: { authorization: `Token ${sandbox.token}`, 'integration-id': sandbox.integrationId, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), 'idempotency-key': 'in-flight' },
    });
    const slowAnswer = new Promise<{ status: number; replayed: string | undefined; body: any }>((resolve, reject) => {
      slow.on('response', (response) => {
        let received = '';
        response.on('data', (chunk) => (received += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, replayed: response.headers['idempotent-replayed'] as string | undefined, body: JSON.parse(received) }));
      });
      slow.on('error', reject);
    });
    await new Promise<void>((resolve) => slow.write(text.slice(0, 20), () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 50));

    const fast = await call('POST', 'payouts/', text, { 'idempotency-key': 'in-flight' });
    expect(fast.status).toBe(201);
    expect(fast.headers.get('idempotent-replayed')).toBeNull();

    slow.end(text.slice(20));
    const late = await slowAnswer;
    expect(late).toEqual({ status: 201, replayed: 'true', body: fast.body });
    const listed = (await call('GET', 'payouts/?search=in%20flight')).body.results;
    expect(listed.map((p: { id: string }) => p.id)).toEqual([fast.body.id]);
  });
});

describe("the validator's own limits", () => {
  it("description's maxLength of 255 (2.0): 255 characters pass, 256 are a 400 on description", async () => {
    const employee = (await call('POST', 'employees/', employeeBody())).body;
    expect((await call('POST', 'payouts/', payoutBody(employee.id, { description: 'd'.repeat(255) }))).status).toBe(201);
    const over = await call('POST', 'payouts/', payoutBody(employee.id, { description: 'd'.repeat(256) }));
    expect(over.status).toBe(400);
    expect(over.body).toEqual({ description: ['Ensure this field has no more than 255 characters.'] });
    const pricing = await call('POST', 'pricing/', payoutBody(employee.id, { description: 'd'.repeat(256) }));
    expect(pricing.status).toBe(400);
  });
});

describe('the Idempotency-Key header itself', () => {
  it('is any non-empty string, as the spec documents: an empty or blank key is a 400 and nothing happens', async () => {
    const before = sandbox.control.snapshot();
    for (const key of ['', '   ']) {
      const response = await call('POST', 'employees/', employeeBody(), { 'idempotency-key': key });
      expect(response.status, JSON.stringify(key)).toBe(400);
      expect(response.body['Idempotency-Key'][0]).toMatch(/blank/);
    }
    expect(sandbox.control.snapshot()).toBe(before);
    expect((await call('POST', 'employees/', employeeBody(), { 'idempotency-key': 'k'.repeat(1000) })).status).toBe(201);
  });
});

describe('the idempotency store (unit)', () => {
  const response = { status: 201, body: '{"id":"1"}', headers: { 'x-a': 'b' } };

  it('fingerprints a JSON body by value: key order and whitespace do not matter, values and array order do', () => {
    const print = (body: string) => fingerprint('POST', '/v2/payouts/', body);
    expect(print('{"a": 1, "b": [1, {"c": 2, "d": 3}]}')).toBe(print('{"b":[1,{"d":3,"c":2}],"a":1}'));
    expect(print('{"a": 1}')).not.toBe(print('{"a": 2}'));
    expect(print('[1, 2]')).not.toBe(print('[2, 1]'));
    expect(print('{"a": "1"}')).not.toBe(print('{"a": 1}'));
    expect(print('{"a": null}')).not.toBe(print('{}'));
    expect(print('')).toBe('POST /v2/payouts/\n');
    expect(print('not json')).toBe('POST /v2/payouts/\nnot json');
    expect(print('{"a":1}')).toBe('POST /v2/payouts/\n{"a":1}');
    expect(print('[{"b":1,"a":[true,null]}]')).toBe('POST /v2/payouts/\n[{"a":[true,null],"b":1}]');
    expect(fingerprint('PUT', '/v2/payouts/', '{}')).not.toBe(fingerprint('POST', '/v2/payouts/', '{}'));
    expect(fingerprint('POST', '/v2/payouts/?expand=employee', '{}')).not.toBe(fingerprint('POST', '/v2/payouts/', '{}'));
  });

  it('replays within 24 hours, conflicts on another request, and forgets at exactly 24 hours', () => {
    const store = new IdempotencyStore();
    expect(store.lookup('k', 'f', 0)).toEqual({ kind: 'miss' });
    store.store('k', 'f', response, 100);
    expect(store.lookup('k', 'f', 100 + IDEMPOTENCY_TTL_MICROS - 1)).toEqual({ kind: 'replay', response });
    expect(store.lookup('k', 'other', 101)).toEqual({ kind: 'conflict' });
    expect(store.lookup('k', 'f', 100 + IDEMPOTENCY_TTL_MICROS)).toEqual({ kind: 'miss' });
    expect(store.size).toBe(0);
  });

  it('keeps expiry order when a key is stored again, so eviction never stops at a stale entry', () => {
    const store = new IdempotencyStore();
    store.store('a', 'f', response, 0);
    store.store('b', 'f', response, 10);
    store.store('a', 'f', response, 20); // a's new entry expires last
    expect(store.dump().map(([scope]) => scope)).toEqual(['b', 'a']);
    expect(store.lookup('zzz', 'f', 10 + IDEMPOTENCY_TTL_MICROS)).toEqual({ kind: 'miss' });
    expect(store.dump().map(([scope]) => scope)).toEqual(['a']);
    expect(store.dump()[0]![1]).toEqual({ fingerprint: 'f', response, expiresAt: 20 + IDEMPOTENCY_TTL_MICROS });
    store.clear();
    expect(store.size).toBe(0);
  });

  it('a key stored at an earlier time than the one before (the wall clock stepped back) still expires in order', () => {
    const store = new IdempotencyStore();
    store.store('late', 'f', response, 1000);
    store.store('early', 'f', response, 400);
    expect(store.dump().map(([, entry]) => entry.expiresAt)).toEqual([1000 + IDEMPOTENCY_TTL_MICROS, 1000 + IDEMPOTENCY_TTL_MICROS]);
    expect(store.lookup('early', 'f', 999 + IDEMPOTENCY_TTL_MICROS)).toEqual({ kind: 'replay', response });
    expect(store.lookup('early', 'f', 1000 + IDEMPOTENCY_TTL_MICROS)).toEqual({ kind: 'miss' });
    store.clear();
    store.store('again', 'f', response, 5);
    expect(store.dump()[0]![1].expiresAt).toBe(5 + IDEMPOTENCY_TTL_MICROS);
  });

  it('a key is any non-blank string', () => {
    expect(keyProblem('k')).toBeUndefined();
    expect(keyProblem('k'.repeat(1000))).toBeUndefined();
    expect(keyProblem('')).toBe('This field may not be blank.');
    expect(keyProblem('   ')).toBe('This field may not be blank.');
  });
});
