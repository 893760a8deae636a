/**
 * Payruns (close, filters, expand, refusals), the billing invoices they create (list, filters,
 * ordering, issue with its 403/409/400), paying through either one, and the payout's derived
 * `latest_status` and cancelation along that life cycle.
 */
import { describe, expect, it } from 'vitest';
import { api, employeeBody, payoutBody, startForFile } from './helpers.js';

const { sandbox } = await startForFile();

/** A fresh account (empty lists), its `call`, an employee and a payout on a new open payrun. */
async function withPayout() {
  const credentials = sandbox.control.createAccount();
  const own = api({ url: sandbox.url, ...credentials });
  const employee = (await own('POST', 'employees/', employeeBody())).body;
  const payout = (await own('POST', 'payouts/', payoutBody(employee.id))).body;
  return { credentials, own, employee, payout };
}

const isoDay = (offsetDays: number, from = new Date()) => new Date(from.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('payruns', () => {
  it('start open, close with 204 into `invoiced` with a proforma billing invoice; closing again is a 400', async () => {
    const { own, payout } = await withPayout();
    const open = (await own('GET', `payruns/${payout.payrun}/`)).body;
    expect(open).toMatchObject({ open: true, latest_status: 'open', paid_at: null, price: payout.cost });
    expect(open).not.toHaveProperty('invoice');
    const closed = await own('POST', `payruns/${payout.payrun}/close/`);
    expect(closed.status).toBe(204);
    expect(closed.body).toBeUndefined();
    const after = (await own('GET', `payruns/${payout.payrun}/`)).body;
    expect(after).toMatchObject({ open: false, latest_status: 'invoiced' });
    const invoice = (await own('GET', `invoices/${after.invoice}/`)).body;
    expect(invoice).toMatchObject({ billing_type: 'payrun', total: payout.cost, amount_due: payout.cost, amount_paid: '0.00', issued_at: null, due_date: null, paid_at: null });
    const again = await own('POST', `payruns/${payout.payrun}/close/`);
    expect(again.status).toBe(400);
    expect(again.body.non_field_errors[0]).toMatch(/already closed/);
    // A new payout starts a new payrun.
    const next = (await own('POST', 'payouts/', payoutBody(payout.employee))).body;
    expect(next.payrun).not.toBe(payout.payrun);
  });

  it('filters by open and by created_at/paid_at, and expands the invoice', async () => {
    const { own, payout, credentials } = await withPayout();
    await own('POST', `payruns/${payout.payrun}/close/`);
    const second = (await own('POST', 'payouts/', payoutBody(payout.employee))).body;
    const ids = async (query: string) => (await own('GET', `payruns/?${query}`)).body.results.map((p: { id: string }) => p.id);
    expect(await ids('')).toEqual([second.payrun, payout.payrun]);
    expect(await ids('open=true')).toEqual([second.payrun]);
    expect(await ids('open=false')).toEqual([payout.payrun]);
    expect((await own('GET', 'payruns/?open=maybe')).status).toBe(400);
    expect(await ids('paid_at_null=false')).toEqual([]);
    sandbox.control.payPayrun(payout.payrun, credentials.integrationId);
    expect(await ids('paid_at_null=false')).toEqual([payout.payrun]);
    const paid = (await own('GET', `payruns/${payout.payrun}/?expand=invoice`)).body;
    expect(paid.latest_status).toBe('paid');
    expect(paid.invoice).toMatchObject({ billing_type: 'payrun', paid_at: paid.paid_at, amount_due: '0.00', amount_paid: payout.cost });
    expect(await ids(`created_at_after=${encodeURIComponent(paid.created_at)}`)).toEqual([second.payrun, payout.payrun]);
    expect(await ids(`paid_at_before=${encodeURIComponent(paid.paid_at)}`)).toEqual([payout.payrun]);
    const renamed = await own('PATCH', `payruns/${payout.payrun}/?expand=invoice`, { metadata: { batch: 'w47' } });
    expect(renamed.body).toMatchObject({ metadata: { batch: 'w47' }, invoice: { id: paid.invoice.id } });
  });

  it('deletes an open or proforma-invoiced payrun with its payouts and invoice; refuses one on credit (issued) or paid', async () => {
    const { own, payout, credentials } = await withPayout();
    await own('POST', `payruns/${payout.payrun}/close/`);
    const invoiceId = (await own('GET', `payruns/${payout.payrun}/`)).body.invoice;
    expect((await own('DELETE', `payruns/${payout.payrun}/`)).status).toBe(204);
    expect((await own('GET', `invoices/${invoiceId}/`)).status).toBe(404);
    expect((await own('GET', `payouts/${payout.id}/`)).status).toBe(404);

    const onCredit = (await own('POST', 'payouts/', payoutBody(payout.employee))).body;
    await own('POST', `payruns/${onCredit.payrun}/close/`);
    const issued = (await own('POST', `invoices/${(await own('GET', `payruns/${onCredit.payrun}/`)).body.invoice}/issue/`)).body;
    expect(issued.issued_at).not.toBeNull();
    for (const [method, path] of [['DELETE', `payruns/${onCredit.payrun}/`], ['DELETE', `payouts/${onCredit.id}/`]] as const) {
      const refused = await own(method, path);
      expect(refused.status, path).toBe(400);
      expect(refused.body.non_field_errors[0]).toMatch(/paid payrun, or one on credit/);
    }
    sandbox.control.payPayrun(onCredit.payrun, credentials.integrationId);
    expect((await own('DELETE', `payruns/${onCredit.payrun}/`)).status).toBe(400);
  });
});

describe('billing invoices', () => {
  it('issue: the payment term default (14 days), a chosen due_date, 409 when issued, 400 for a bad date, 403 without invoice_enabled', async () => {
    const { own, payout, credentials } = await withPayout();
    await own('POST', `payruns/${payout.payrun}/close/`);
    const id = (await own('GET', `payruns/${payout.payrun}/`)).body.invoice;
    const past = await own('POST', `invoices/${id}/issue/`, { due_date: isoDay(-1) });
    expect(past.status).toBe(400);
    expect(past.body.due_date[0]).toMatch(/today .* or later/);
    const tooFar = await own('POST', `invoices/${id}/issue/`, { due_date: isoDay(367) });
    expect(tooFar.status).toBe(400);
    expect(tooFar.body.due_date[0]).toMatch(/at most 365 days/);
    expect((await own('POST', `invoices/${id}/issue/`, { due_date: 'soon' })).status).toBe(400);

    sandbox.control.disableInvoicing(credentials.integrationId);
    const forbidden = await own('POST', `invoices/${id}/issue/`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.detail).toMatch(/invoice_enabled/);
    sandbox.control.enableInvoicing(credentials.integrationId);

    const issued = await own('POST', `invoices/${id}/issue/`);
    expect(issued.status).toBe(200);
    expect(issued.body.due_date).toBe(isoDay(14, new Date(issued.body.issued_at)));
    const twice = await own('POST', `invoices/${id}/issue/`, { due_date: isoDay(30) });
    expect(twice.status).toBe(409);
    expect((await own('GET', `invoices/${id}/`)).body.due_date).toBe(issued.body.due_date);

    const other = (await own('POST', 'payouts/', payoutBody(payout.employee))).body;
    await own('POST', `payruns/${other.payrun}/close/`);
    const chosen = await own('POST', `invoices/${(await own('GET', `payruns/${other.payrun}/`)).body.invoice}/issue/`, { due_date: isoDay(365) });
    expect(chosen.body.due_date).toBe(isoDay(365));
  });

  it('lists by billing_type and status, in the order asked; paying the invoice pays its payrun', async () => {
    const { own, payout, credentials } = await withPayout();
    const invoiceOf = async (payrun: string) => {
      await own('POST', `payruns/${payrun}/close/`);
      return (await own('GET', `payruns/${payrun}/`)).body.invoice as string;
    };
    const proforma = await invoiceOf(payout.payrun);
    const issued = await invoiceOf((await own('POST', 'payouts/', payoutBody(payout.employee))).body.payrun);
    await own('POST', `invoices/${issued}/issue/`, { due_date: isoDay(3) });
    const paidPayrun = (await own('POST', 'payouts/', payoutBody(payout.employee))).body.payrun;
    const paid = await invoiceOf(paidPayrun);
    const webhook = await own('POST', 'webhooks/', { url: 'http://127.0.0.1:9/never/', events: ['Payrun.paid', 'Payout.notified'] });
    expect(sandbox.control.payInvoice(paid, credentials.integrationId)).toMatchObject({ id: paid, amount_due: '0.00' });
    expect((await own('GET', `payruns/${paidPayrun}/`)).body.latest_status).toBe('paid');
    const events = sandbox.control.deliveries({ webhookId: webhook.body.id }).map((d) => d.event);
    expect(events).toContain('Payrun.paid');
    expect(events).toContain('Payout.notified');
    expect(() => sandbox.control.payPayrun(paidPayrun, credentials.integrationId)).toThrow(/already paid/);
    expect(() => sandbox.control.payInvoice(paid, credentials.integrationId)).toThrow(/already paid/);

    const ids = async (query: string) => (await own('GET', `invoices/?${query}`)).body.results.map((i: { id: string }) => i.id);
    expect(await ids('')).toEqual([paid, issued, proforma]);
    expect(await ids('status=proforma')).toEqual([proforma]);
    expect(await ids('status=invoice')).toEqual([issued]);
    expect(await ids('status=paid')).toEqual([paid]);
    expect(await ids('billing_type=payrun')).toHaveLength(3);
    expect(await ids('billing_type=prepayment')).toEqual([]);
    expect(await ids('ordering=created_at')).toEqual([proforma, issued, paid]);
    expect(await ids('ordering=-paid_at')).toEqual([paid, proforma, issued]);
    expect(await ids('ordering=due_date')).toEqual([issued, proforma, paid]);
    expect((await own('GET', 'invoices/?status=draft')).status).toBe(400);
    expect((await own('GET', 'invoices/nope/')).status).toBe(404);
  });
});

describe("a payout's latest_status and cancelation", () => {
  it('created → not_funded → onboarding_incomplete → available/notification_sent → complete', async () => {
    const { own, payout, employee, credentials } = await withPayout();
    const status = async (id = payout.id) => (await own('GET', `payouts/${id}/`)).body.latest_status;
    expect(payout).toMatchObject({ latest_status: 'created', canceled_at: null, payrun: payout.invoice });
    expect(payout).not.toHaveProperty('country');
    const later = (await own('POST', 'payouts/', payoutBody(employee.id, { end_at: '2999-01-01T00:00:00Z' }))).body;
    await own('POST', `payruns/${payout.payrun}/close/`);
    expect(await status()).toBe('not_funded');
    sandbox.control.payPayrun(payout.payrun, credentials.integrationId);
    expect(await status()).toBe('onboarding_incomplete');
    sandbox.control.verifyEmployee(employee.id, credentials.integrationId);
    expect(await status()).toBe('available');
    expect(await status(later.id)).toBe('notification_sent');
    sandbox.control.acceptPayout(payout.id, credentials.integrationId);
    expect(await status()).toBe('complete');
  });

  it('cancels until accepted (Payout.canceled, canceled_at filters); a canceled payout is not notified nor accepted', async () => {
    const { own, payout, employee, credentials } = await withPayout();
    const webhook = await own('POST', 'webhooks/', { url: 'http://127.0.0.1:9/never/', events: ['Payout.canceled', 'Payout.notified'] });
    const kept = (await own('POST', 'payouts/', payoutBody(employee.id))).body;
    const canceled = sandbox.control.cancelPayout(payout.id, credentials.integrationId);
    expect(canceled.canceled_at).toEqual(expect.any(String));
    expect(() => sandbox.control.cancelPayout(payout.id, credentials.integrationId)).toThrow(/already canceled/);
    const ids = async (query: string) => (await own('GET', `payouts/?${query}`)).body.results.map((p: { id: string }) => p.id);
    expect(await ids('canceled_at_null=false')).toEqual([payout.id]);
    expect(await ids(`canceled_at_after=${encodeURIComponent(canceled.canceled_at as string)}`)).toEqual([payout.id]);
    expect(await ids(`payrun=${payout.payrun}`)).toEqual([kept.id, payout.id]);
    expect(await ids(`invoice=${payout.payrun}`)).toEqual([kept.id, payout.id]);
    expect((await own('GET', 'payouts/?payrun=nope')).status).toBe(400);
    sandbox.control.payPayrun(payout.payrun, credentials.integrationId);
    expect((await own('GET', `payouts/${payout.id}/`)).body.notified_at).toBeNull();
    expect(() => sandbox.control.acceptPayout(payout.id, credentials.integrationId)).toThrow(/already canceled/);
    sandbox.control.acceptPayout(kept.id, credentials.integrationId);
    expect(() => sandbox.control.cancelPayout(kept.id, credentials.integrationId)).toThrow(/already accepted/);
    const events = sandbox.control.deliveries({ webhookId: webhook.body.id }).map((d) => d.event);
    expect(events.filter((e) => e === 'Payout.canceled')).toHaveLength(1);
    expect(events.filter((e) => e === 'Payout.notified')).toHaveLength(1);
  });

  it('refuses a payout `country` (2.0) and keeps accepting the deprecated amount and cost bases', async () => {
    const { own, employee } = await withPayout();
    const withCountry = await own('POST', 'payouts/', payoutBody(employee.id, { country: 'SWE' }));
    expect(withCountry.status).toBe(400);
    expect((await own('POST', 'payouts/', payoutBody(employee.id, { amount: undefined, cost: '1379.91' }))).status).toBe(201);
    expect((await own('POST', 'payouts/', payoutBody(employee.id, { amount: undefined, invoiced_amount: '1000.00' }))).status).toBe(201);
  });
});

describe('controls over HTTP', () => {
  it('pay an invoice, cancel a payout, toggle invoicing, mark a country mismatch under /_sandbox/', async () => {
    const { own, payout, employee, credentials } = await withPayout();
    const post = (path: string) =>
      fetch(`${sandbox.origin}/_sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'integration-id': credentials.integrationId } });
    expect((await post(`payouts/${payout.id}/cancel`)).status).toBe(200);
    await own('POST', `payruns/${payout.payrun}/close/`);
    const invoice = (await own('GET', `payruns/${payout.payrun}/`)).body.invoice;
    const disabled = await post(`integrations/${credentials.integrationId}/invoicing/disable`);
    expect(await disabled.json()).toMatchObject({ id: credentials.integrationId, invoice_enabled: false });
    expect((await own('POST', `invoices/${invoice}/issue/`)).status).toBe(403);
    await post(`integrations/${credentials.integrationId}/invoicing/enable`);
    const paid = await post(`invoices/${invoice}/pay`);
    expect(await paid.json()).toMatchObject({ id: invoice, amount_due: '0.00' });
    expect((await post(`invoices/${invoice}/pay`)).status).toBe(409);
    expect((await (await post(`employees/${employee.id}/country-mismatch`)).json()).latest_status).toBe('country_mismatch');
    expect((await post('invoices/nope/pay')).status).toBe(404);
  });
});
