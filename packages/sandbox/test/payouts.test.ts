import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, employeeBody, payoutBody, start, type Call } from './helpers.js';

let sandbox: Awaited<ReturnType<typeof start>>;
let call: Call;
let employee: { id: string; email: string };

beforeAll(async () => {
  sandbox = await start();
  call = api(sandbox);
  employee = (await call('POST', 'employees/', employeeBody())).body;
});
afterAll(() => sandbox.close());

/** A clean integration of a fresh account, so lists and payruns start empty. */
function fresh() {
  const credentials = sandbox.control.createAccount();
  return { credentials, own: api({ url: sandbox.url, ...credentials }) };
}

describe('payouts', () => {
  it('prices from exactly one basis (201 for a single payout)', async () => {
    const created = await call('POST', 'payouts/', payoutBody(employee.id));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ amount: '1000.00', invoiced_amount: '1314.20', cost: '1379.91', employee: employee.id, full_salary_specification: false, metadata: {} });
    const two = await call('POST', 'payouts/', payoutBody(employee.id, { cost: '10.00' }));
    expect(two.status).toBe(400);
    const none = await call('POST', 'payouts/', payoutBody(employee.id, { amount: undefined }));
    expect(none.status).toBe(400);
    expect(none.body.non_field_errors).toEqual(['Exactly one of amount, invoiced_amount or cost is required.']);
    const byCost = await call('POST', 'payouts/', payoutBody(employee.id, { amount: undefined, cost: '1379.91' }));
    expect(byCost.body).toMatchObject({ amount: '1000.00', invoiced_amount: '1314.20', cost: '1379.91' });
  });

  it('rejects an unknown employee and a duplicate id', async () => {
    const unknown = await call('POST', 'payouts/', payoutBody('+46703000000'));
    expect(unknown.body).toEqual({ employee: ['Object with id "+46703000000" does not exist.'] });
    await call('POST', 'payouts/', payoutBody(employee.id, { id: '9472' }));
    const dup = await call('POST', 'payouts/', payoutBody(employee.id, { id: '9472' }));
    expect(dup.status).toBe(400);
    expect(dup.body.id[0]).toMatch(/already exists/);
  });

  it('bulk: 200 with all payouts on one open payrun; one bad item → per-item errors and nothing created', async () => {
    const { own } = fresh();
    const e = (await own('POST', 'employees/', employeeBody())).body;
    const bulk = await own('POST', 'payouts/', [payoutBody(e.id), payoutBody(e.id, { amount: undefined, invoiced_amount: '2500.00' })]);
    expect(bulk.status).toBe(200);
    expect(bulk.body).toHaveLength(2);
    expect(bulk.body[0].payrun).toBe(bulk.body[1].payrun);
    const bad = await own('POST', 'payouts/', [payoutBody(e.id), payoutBody('nobody'), payoutBody(e.id, { id: bulk.body[0].id })]);
    expect(bad.status).toBe(400);
    expect(bad.body[0]).toEqual({});
    expect(bad.body[1]).toEqual({ employee: ['Object with id "nobody" does not exist.'] });
    expect(bad.body[2].id[0]).toMatch(/already exists/);
    const invalid = await own('POST', 'payouts/', [payoutBody(e.id), payoutBody(e.id, { description: '' })]);
    expect(invalid.body).toEqual([{}, { description: ['This field may not be blank.'] }]);
    expect((await own('GET', 'payouts/')).body.count).toBe(2);
    // An empty list is refused by the spec's minItems before any handler runs.
    for (const path of ['payouts/', 'pricing/']) expect(await own('POST', path, [])).toMatchObject({ status: 400, body: { non_field_errors: ['This list may not be empty.'] } });
  });

  it('joins the open payrun, and starts a new one once it is paid', async () => {
    const { own, credentials } = fresh();
    const e = (await own('POST', 'employees/', employeeBody())).body;
    const first = (await own('POST', 'payouts/', payoutBody(e.id))).body;
    const second = (await own('POST', 'payouts/', payoutBody(e.id))).body;
    expect(second.payrun).toBe(first.payrun);
    const payrun = (await own('GET', `payruns/${first.payrun}/`)).body;
    expect(payrun).toMatchObject({ open: true, paid_at: null, price: '2759.82', currency: 'SEK' });
    sandbox.control.payPayrun(first.payrun, credentials.integrationId);
    const third = (await own('POST', 'payouts/', payoutBody(e.id))).body;
    expect(third.payrun).not.toBe(first.payrun);
    expect((await own('GET', 'payruns/?paid_at_null=false')).body.results.map((i: { id: string }) => i.id)).toEqual([first.payrun]);
  });

  it('inline employee with ?expand=employee reuses a matching employee (same email) instead of creating one', async () => {
    const { own } = fresh();
    const e = (await own('POST', 'employees/', employeeBody({ email: 'match@example.com' }))).body;
    const inline = await own('POST', 'payouts/?expand=employee', payoutBody('', { employee: { name: 'Someone', email: 'MATCH@example.com', country: 'SWE' } }));
    expect(inline.status).toBe(201);
    expect(inline.body.employee).toMatchObject({ id: e.id, email: 'match@example.com' });
    const newcomer = await own('POST', 'payouts/?expand=employee', payoutBody('', { employee: { name: 'New', email: 'new@example.com', cellphone_number: '+46701111111', country: 'SWE' } }));
    expect(newcomer.body.employee.name).toBe('New');
    expect((await own('GET', 'employees/')).body.count).toBe(2);
    const badInline = await own('POST', 'payouts/?expand=employee', payoutBody('', { employee: { name: 'X', country: 'SWE' } }));
    expect(badInline.status).toBe(400);
    expect(badInline.body.employee.email).toEqual(['This field is required.']);
    const noExpand = await own('POST', 'payouts/', payoutBody('', { employee: { name: 'Y', email: 'y@example.com', country: 'SWE' } }));
    expect(noExpand.status).toBe(400);
  });

  it('expands employee and payrun (and the deprecated invoice) on reads (repeatable expand)', async () => {
    const created = (await call('POST', 'payouts/', payoutBody(employee.id))).body;
    expect(created.invoice).toBe(created.payrun);
    const read = await call('GET', `payouts/${created.id}/?expand=employee&expand=payrun`);
    expect(read.body.employee.id).toBe(employee.id);
    expect(read.body.payrun.id).toBe(created.payrun);
    expect(read.body.invoice).toBe(created.payrun);
    const alias = await call('GET', `payouts/${created.id}/?expand=invoice`);
    expect(alias.body.invoice.id).toBe(created.payrun);
    expect(alias.body.payrun).toBe(created.payrun);
    expect((await call('GET', `payouts/${created.id}/?expand=nope`)).status).toBe(400);
  });

  it('lists newest first with relational, timestamp and search filters', async () => {
    const { own, credentials } = fresh();
    const a = (await own('POST', 'employees/', employeeBody({ name: 'Greta Skoog' }))).body;
    const b = (await own('POST', 'employees/', employeeBody({ name: 'Harald' }))).body;
    const p1 = (await own('POST', 'payouts/', payoutBody(a.id, { description: 'First gig', start_at: '2024-01-01T08:00:00Z', end_at: '2024-01-01T17:00:00Z' }))).body;
    const p2 = (await own('POST', 'payouts/', payoutBody(b.id, { description: 'Second gig' }))).body;
    const ids = async (query = '') => (await own('GET', `payouts/?${query}`)).body.results.map((p: { id: string }) => p.id);
    expect(await ids()).toEqual([p2.id, p1.id]);
    expect(await ids(`employee=${a.id}`)).toEqual([p1.id]);
    expect(await ids(`invoice=${p1.payrun}`)).toEqual([p2.id, p1.id]);
    expect(await ids('search=skoog')).toEqual([p1.id]);
    expect(await ids('search=second')).toEqual([p2.id]);
    expect(await ids('start_at_null=true')).toEqual([p2.id]);
    expect(await ids('start_at_after=2024-01-01T00:00:00Z&end_at_before=2024-01-02T00:00:00Z')).toEqual([p1.id]);
    expect(await ids('accepted_at_null=false')).toEqual([]);
    sandbox.control.payPayrun(p1.payrun, credentials.integrationId);
    sandbox.control.acceptPayout(p1.id, credentials.integrationId);
    expect(await ids('accepted_at_null=false')).toEqual([p1.id]);
    expect(await ids('notified_at_null=false')).toEqual([p2.id, p1.id]);
    const unknown = await own('GET', 'payouts/?employee=nobody');
    expect(unknown.status).toBe(400);
    expect(unknown.body.employee).toBeDefined();
  });

  it('refuses to delete a payout whose payrun is paid; resend keeps only the documented 24-hour wait', async () => {
    const { own, credentials } = fresh();
    const e = (await own('POST', 'employees/', employeeBody())).body;
    const p = (await own('POST', 'payouts/', payoutBody(e.id))).body;
    // No precondition on the payout's state: Gigapay documents none, so the spec keeps none.
    expect((await own('PATCH', `payouts/${p.id}/resend/`)).status).toBe(204);
    sandbox.control.advanceClock(24 * 3600 * 1000);
    sandbox.control.payPayrun(p.payrun, credentials.integrationId);
    const early = await own('PATCH', `payouts/${p.id}/resend/`); // notified just now
    expect(early.status).toBe(400);
    expect(early.body.non_field_errors[0]).toMatch(/less than 24 hours ago/);
    sandbox.control.advanceClock(24 * 3600 * 1000);
    expect((await own('PATCH', `payouts/${p.id}/resend/`)).status).toBe(204);
    sandbox.control.acceptPayout(p.id, credentials.integrationId);
    sandbox.control.advanceClock(24 * 3600 * 1000);
    expect((await own('PATCH', `payouts/${p.id}/resend/`)).status).toBe(204);
    const refused = await own('DELETE', `payouts/${p.id}/`);
    expect(refused.status).toBe(400);
    const q = (await own('POST', 'payouts/', payoutBody(e.id))).body;
    expect((await own('DELETE', `payouts/${q.id}/`)).status).toBe(204);
  });
});

describe('pricing', () => {
  it('calculates single, bulk and inline without creating anything', async () => {
    const { own } = fresh();
    const e = (await own('POST', 'employees/', employeeBody())).body;
    const single = await own('POST', 'pricing/', payoutBody(e.id));
    expect(single.status).toBe(200);
    expect(single.body).toEqual({ amount: '1000.00', invoiced_amount: '1314.20', cost: '1379.91', currency: 'SEK', fee: '65.71', health_insurance: null, payroll: '314.20', pension: null, tax: '300.00', vat: '344.97' });
    const bulk = await own('POST', 'pricing/', [payoutBody(e.id), payoutBody(e.id, { amount: undefined, invoiced_amount: '1314.20' })]);
    expect(bulk.body).toEqual([single.body, single.body]);
    const inline = await own('POST', 'pricing/?expand=employee', payoutBody('', { employee: { name: 'N', email: 'n@example.com', country: 'SWE' } }));
    expect(inline.status).toBe(200);
    expect((await own('GET', 'employees/')).body.count).toBe(1);
    expect((await own('GET', 'payouts/')).body.count).toBe(0);
  });

  it('lists and retrieves the pricing of existing payouts', async () => {
    const { own } = fresh();
    const e = (await own('POST', 'employees/', employeeBody())).body;
    const p = (await own('POST', 'payouts/', payoutBody(e.id, { amount: '3000.00' }))).body;
    const retrieved = await own('GET', `pricing/${p.id}/`);
    expect(retrieved.body).toMatchObject({ cost: '4139.73', fee: '197.13', vat: '1034.93' });
    const list = await own('GET', `pricing/?employee=${e.id}`);
    expect(list.body.results).toEqual([retrieved.body]);
    expect((await own('GET', 'pricing/nope/')).status).toBe(404);
  });
});

describe('payruns', () => {
  it('renames via PATCH, refuses deleting when paid, deletes an unpaid one with its payouts', async () => {
    const { own, credentials } = fresh();
    const e = (await own('POST', 'employees/', employeeBody())).body;
    const p = (await own('POST', 'payouts/', payoutBody(e.id))).body;
    const renamed = await own('PATCH', `payruns/${p.payrun}/`, { id: '846271', metadata: { original: p.payrun } });
    expect(renamed.body).toMatchObject({ id: '846271', metadata: { original: p.payrun } });
    expect((await own('GET', `payouts/${p.id}/`)).body.payrun).toBe('846271');
    expect((await own('DELETE', 'payruns/846271/')).status).toBe(204);
    expect((await own('GET', `payouts/${p.id}/`)).status).toBe(404);
    const q = (await own('POST', 'payouts/', payoutBody(e.id))).body;
    sandbox.control.payPayrun(q.payrun, credentials.integrationId);
    const refused = await own('DELETE', `payruns/${q.payrun}/`);
    expect(refused.status).toBe(400);
    expect(refused.body.non_field_errors[0]).toMatch(/paid/);
  });
});
