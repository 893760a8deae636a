/**
 * The lookups that are indexed (employees by contact, a payrun's price, newest-first payouts,
 * expired idempotency keys) answer as the scans they replaced did, through every kind of change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyStore, IDEMPOTENCY_TTL_MICROS } from '../src/internal/idempotency.js';
import { api, employeeBody, payoutBody, start, type Call } from './helpers.js';

let sandbox: Awaited<ReturnType<typeof start>>;
let call: Call;

beforeAll(async () => {
  sandbox = await start();
});
afterAll(() => sandbox.close());

function fresh(): Call {
  return api({ url: sandbox.url, ...sandbox.control.createAccount() });
}

const inline = (own: Call, employee: Record<string, unknown>) => own('POST', 'payouts/?expand=employee', { ...payoutBody('x'), employee });

describe('an inline employee matches the registered one by email, else by cellphone number', () => {
  it('through creates, email changes, renames and deletes', async () => {
    const own = fresh();
    const anna = (await own('POST', 'employees/', employeeBody({ email: 'Anna@Example.com', cellphone_number: '+46701234567' }))).body;
    expect((await inline(own, { name: 'A', email: 'anna@example.COM', country: 'SWE' })).body.employee.id).toBe(anna.id);
    expect((await inline(own, { name: 'A', email: 'someone.else@example.com', cellphone_number: '+46701234567', country: 'SWE' })).body.employee.id).toBe(anna.id);

    // A changed email: the old one no longer matches, the new one does.
    await own('PATCH', `employees/${anna.id}/`, { email: 'anna.new@example.com' });
    const byOld = (await inline(own, { name: 'Other', email: 'anna@example.com', country: 'SWE' })).body.employee;
    expect(byOld.id).not.toBe(anna.id);
    expect((await inline(own, { name: 'A', email: 'ANNA.NEW@example.com', country: 'SWE' })).body.employee.id).toBe(anna.id);

    // A renamed id still matches; a deleted employee no longer does.
    const bo = (await own('POST', 'employees/', employeeBody({ email: 'bo@example.com' }))).body;
    await own('PATCH', `employees/${bo.id}/`, { id: 'bo-renamed' });
    expect((await inline(own, { name: 'B', email: 'bo@example.com', country: 'SWE' })).body.employee.id).toBe('bo-renamed');
    const cy = (await own('POST', 'employees/', employeeBody({ email: 'cy@example.com' }))).body;
    expect((await own('DELETE', `employees/${cy.id}/`)).status).toBe(204);
    const afterDelete = await own('POST', 'pricing/?expand=employee', { ...payoutBody('x'), employee: { name: 'C', email: 'cy@example.com', country: 'SWE' } });
    expect(afterDelete.status).toBe(200);
    expect((await inline(own, { name: 'C', email: 'cy@example.com', country: 'SWE' })).body.employee.id).not.toBe(cy.id);
  });
});

describe("a payrun's price is the sum of its payouts' cost", () => {
  it('as payouts are created and deleted, expanded or not', async () => {
    const own = fresh();
    const employee = (await own('POST', 'employees/', employeeBody())).body;
    const first = (await own('POST', 'payouts/', payoutBody(employee.id, { amount: undefined, cost: '100.00' }))).body;
    const second = (await own('POST', 'payouts/', [payoutBody(employee.id, { amount: undefined, cost: '50.25' }), payoutBody(employee.id, { amount: undefined, cost: '0.75' })])).body;
    const payrun = await own('GET', `payruns/${first.payrun}/`);
    expect(payrun.body.price, JSON.stringify(payrun.body)).toBe('151.00');
    expect((await own('DELETE', `payouts/${second[0].id}/`)).status).toBe(204);
    expect((await own('GET', `payruns/${first.payrun}/`)).body.price).toBe('100.75');
    const page = await own('GET', 'payouts/?expand=payrun');
    expect(page.body.results.map((p: any) => p.payrun.price)).toEqual(['100.75', '100.75']);
    expect(page.body.results.map((p: any) => p.id)).toEqual([second[1].id, first.id]);
    expect((await own('GET', 'pricing/')).body.results.map((p: any) => p.cost)).toEqual(['0.75', '100.00']);
  });
});

describe('expired idempotency keys are evicted', () => {
  it('the store holds only live keys once time has passed', () => {
    const store = new IdempotencyStore();
    const response = { status: 201, body: '{}', headers: {} };
    for (let i = 0; i < 1000; i++) store.store(`k${i}`, 'f', response, i);
    expect(store.size).toBe(1000);
    expect(store.lookup('k999', 'f', 999 + IDEMPOTENCY_TTL_MICROS - 1)).toEqual({ kind: 'replay', response });
    expect(store.size).toBe(1);
    store.store('late', 'f', response, 2 * IDEMPOTENCY_TTL_MICROS);
    expect(store.size).toBe(1);
    expect(store.lookup('k999', 'f', 2 * IDEMPOTENCY_TTL_MICROS)).toEqual({ kind: 'miss' });
  });

  it('over HTTP, a key older than 24 hours of sandbox time makes a new object', async () => {
    const own = fresh();
    const body = employeeBody();
    const first = await own('POST', 'employees/', body, { 'idempotency-key': 'day-old' });
    sandbox.control.advanceClock(25 * 3_600_000);
    const again = await own('POST', 'employees/', body, { 'idempotency-key': 'day-old' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(again.body.id).not.toBe(first.body.id);
  });
});
