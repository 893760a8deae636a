// Prepayments: create in DRAFT, edits and deletes only while DRAFT, and the controls that move one
// along DRAFT → INVOICED → PAID → PARTIALLY_USED → FULLY_USED, over real HTTP.
import { describe, expect, it } from 'vitest';
import { api, startForFile } from './helpers.js';

const { sandbox, call } = await startForFile();

const prepaymentBody = (overrides: Record<string, unknown> = {}) => ({
  description: 'Prepayment for March gigs',
  net_amount: '50000.00',
  currency: 'SEK',
  invoice_marking: 'PO-4711',
  metadata: { budget: '2024-Q1' },
  ...overrides,
});

const create = async (overrides: Record<string, unknown> = {}) => {
  const response = await call('POST', 'prepayments/', prepaymentBody(overrides));
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as Record<string, any>;
};

/** A control step over HTTP, as a developer would call it. */
const control = (path: string, body?: unknown) =>
  fetch(`${sandbox.origin}/_sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

const NOT_DRAFT = { non_field_errors: ['Only a DRAFT prepayment can be changed or deleted.'] };

describe('prepayments: create, list, retrieve', () => {
  it('creates a DRAFT with nothing available yet, and an invoice id already', async () => {
    const created = await create();
    expect(created).toMatchObject({
      description: 'Prepayment for March gigs',
      net_amount: '50000.00',
      currency: 'SEK',
      invoice_marking: 'PO-4711',
      metadata: { budget: '2024-Q1' },
      available_balance: '0.00',
      status: 'DRAFT',
      invoiced_at: null,
      paid_at: null,
    });
    expect(created.invoice).toEqual(expect.any(String));
    expect(created.created_at).toEqual(expect.any(String));
    expect(sandbox.violations).toEqual([]);
  });

  it('without the optional fields: an empty marking and metadata', async () => {
    const { status, body } = await call('POST', 'prepayments/', { description: 'Bare', net_amount: '1', currency: 'EUR' });
    expect(status).toBe(201);
    expect(body).toMatchObject({ net_amount: '1.00', currency: 'EUR', invoice_marking: '', metadata: {} });
  });

  it('refuses a zero or negative amount, an unknown currency and a missing description', async () => {
    expect(await call('POST', 'prepayments/', prepaymentBody({ net_amount: '0.00' }))).toMatchObject({ status: 400, body: { net_amount: ['Ensure this value is greater than 0.'] } });
    expect(await call('POST', 'prepayments/', prepaymentBody({ net_amount: '-5.00' }))).toMatchObject({ status: 400, body: { net_amount: ['Ensure this value is greater than 0.'] } });
    expect((await call('POST', 'prepayments/', prepaymentBody({ currency: 'XYZ' }))).body).toEqual({ currency: ['"XYZ" is not an active ISO-4217 currency code.'] });
    expect((await call('POST', 'prepayments/', { net_amount: '1.00', currency: 'SEK' })).body).toEqual({ description: ['This field is required.'] });
  });

  it('lists in creation order with pages, retrieves by id, 404 for an unknown one or another integration', async () => {
    const fresh = sandbox.control.createAccount();
    const other = api(sandbox, { authorization: `Token ${fresh.token}`, 'integration-id': fresh.integrationId });
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push(((await other('POST', 'prepayments/', prepaymentBody({ description: `Number ${n}` }))).body as { id: string }).id);
    const first = await other('GET', 'prepayments/?page_size=2');
    expect(first.status).toBe(200);
    expect(first.body.count).toBe(3);
    expect(first.body.results.map((p: { id: string }) => p.id)).toEqual(ids.slice(0, 2));
    expect(first.body.next).toContain('page=2');
    expect((await other('GET', 'prepayments/?page=9')).status).toBe(404);
    expect((await other('GET', `prepayments/${ids[2]}/`)).body.description).toBe('Number 3');
    expect((await call('GET', `prepayments/${ids[2]}/`)).status).toBe(404);
    expect((await other('GET', 'prepayments/nope/')).status).toBe(404);
  });
});

describe('prepayments: edits and deletes only while DRAFT', () => {
  it('PATCH changes the fields sent and keeps the others', async () => {
    const created = await create();
    const { status, body } = await call('PATCH', `prepayments/${created.id}/`, { net_amount: '60000.00' });
    expect(status).toBe(200);
    expect(body).toEqual({ ...created, net_amount: '60000.00' });
    expect((await call('PATCH', `prepayments/${created.id}/`, { metadata: { a: 1 }, invoice_marking: 'PO-1' })).body).toMatchObject({ metadata: { a: 1 }, invoice_marking: 'PO-1', net_amount: '60000.00' });
  });

  it('deletes a DRAFT: 204, then 404', async () => {
    const created = await create();
    expect((await call('DELETE', `prepayments/${created.id}/`)).status).toBe(204);
    expect((await call('GET', `prepayments/${created.id}/`)).status).toBe(404);
  });

  it.each(['invoice', 'pay', 'use'])('once past DRAFT (after %s), PATCH and DELETE are a 400 under non_field_errors and change nothing', async (last) => {
    const created = await create();
    for (const step of ['invoice', 'pay', 'use'].slice(0, ['invoice', 'pay', 'use'].indexOf(last) + 1)) expect((await control(`prepayments/${created.id}/${step}`)).status).toBe(200);
    const before = sandbox.control.snapshot();
    expect(await call('PATCH', `prepayments/${created.id}/`, { description: 'Too late' })).toMatchObject({ status: 400, body: NOT_DRAFT });
    expect(await call('DELETE', `prepayments/${created.id}/`)).toMatchObject({ status: 400, body: NOT_DRAFT });
    expect(sandbox.control.snapshot()).toBe(before);
  });
});

describe('prepayments: the controls move one along', () => {
  it('invoice → INVOICED, pay → PAID with its net amount available, use some → PARTIALLY_USED, the rest → FULLY_USED', async () => {
    const { id } = await create({ net_amount: '1000.00' });
    const invoiced = sandbox.control.invoicePrepayment(id);
    expect(invoiced).toMatchObject({ status: 'INVOICED', available_balance: '0.00', paid_at: null });
    expect(invoiced.invoiced_at).toEqual(expect.any(String));

    const paid = sandbox.control.payPrepayment(id);
    expect(paid).toMatchObject({ status: 'PAID', available_balance: '1000.00', invoiced_at: invoiced.invoiced_at });
    expect(paid.paid_at).toEqual(expect.any(String));

    expect(sandbox.control.usePrepayment(id, '250.50')).toMatchObject({ status: 'PARTIALLY_USED', available_balance: '749.50' });
    expect(sandbox.control.usePrepayment(id, '49.50')).toMatchObject({ status: 'PARTIALLY_USED', available_balance: '700.00' });
    expect(sandbox.control.usePrepayment(id)).toMatchObject({ status: 'FULLY_USED', available_balance: '0.00' });
    expect((await call('GET', `prepayments/${id}/`)).body).toMatchObject({ status: 'FULLY_USED', available_balance: '0.00', net_amount: '1000.00' });
    expect(sandbox.violations).toEqual([]);
  });

  it('over HTTP under /_sandbox/, with the amount to use in the body', async () => {
    const { id } = await create({ net_amount: '300.00' });
    expect(await (await control(`prepayments/${id}/invoice`)).json()).toMatchObject({ status: 'INVOICED' });
    expect(await (await control(`prepayments/${id}/pay`)).json()).toMatchObject({ status: 'PAID', available_balance: '300.00' });
    expect(await (await control(`prepayments/${id}/use`, { amount: '100.00' })).json()).toMatchObject({ status: 'PARTIALLY_USED', available_balance: '200.00' });
    expect(await (await control(`prepayments/${id}/use`, {})).json()).toMatchObject({ status: 'FULLY_USED', available_balance: '0.00' });
    const listing = (await (await fetch(`${sandbox.origin}/_sandbox/`)).json()) as { controls: string[] };
    expect(listing.controls).toEqual(expect.arrayContaining(['POST /_sandbox/prepayments/{id}/invoice', 'POST /_sandbox/prepayments/{id}/pay', 'POST /_sandbox/prepayments/{id}/use {"amount"?}']));
  });

  it('refuses a step out of order with a 409 naming the status, and changes nothing', async () => {
    const { id } = await create({ net_amount: '100.00' });
    const refused = async (step: string, body?: unknown) => {
      const before = sandbox.control.snapshot();
      const response = await control(`prepayments/${id}/${step}`, body);
      expect(sandbox.control.snapshot()).toBe(before);
      return { status: response.status, body: (await response.json()) as { detail: string } };
    };
    expect(await refused('pay')).toEqual({ status: 409, body: { detail: `Prepayment "${id}" is DRAFT: it can be paid only once INVOICED.` } });
    expect(await refused('use')).toEqual({ status: 409, body: { detail: `Prepayment "${id}" is DRAFT: its balance can be used only once paid.` } });
    sandbox.control.invoicePrepayment(id);
    expect(await refused('invoice')).toEqual({ status: 409, body: { detail: `Prepayment "${id}" is INVOICED: only a DRAFT can be invoiced.` } });
    expect((await refused('use')).status).toBe(409);
    sandbox.control.payPrepayment(id);
    expect((await refused('pay')).status).toBe(409);
    expect((await refused('invoice')).status).toBe(409);
    sandbox.control.usePrepayment(id);
    expect(await refused('use')).toEqual({ status: 409, body: { detail: `Prepayment "${id}" is FULLY_USED: its balance can be used only once paid.` } });
    expect(() => sandbox.control.usePrepayment(id)).toThrow(/FULLY_USED/);
  });

  it('refuses an amount to use that is not a positive amount within the balance, and changes nothing', async () => {
    const { id } = await create({ net_amount: '100.00' });
    sandbox.control.invoicePrepayment(id);
    sandbox.control.payPrepayment(id);
    const before = sandbox.control.snapshot();
    for (const amount of ['100.01', '0', '0.00', '-1.00', '1.234', 'all', 5]) {
      const response = await control(`prepayments/${id}/use`, { amount });
      expect(response.status, String(amount)).toBe(400);
      expect(((await response.json()) as { detail: string }).detail).toMatch(/amount/);
    }
    expect(() => sandbox.control.usePrepayment(id, '200.00')).toThrow(/at most the available balance, 100.00/);
    const misspelt = await control(`prepayments/${id}/use`, { amuont: '1.00' });
    expect(misspelt.status).toBe(400);
    expect(await misspelt.json()).toEqual({ detail: 'Unknown field "amuont": send amount.' });
    expect(sandbox.control.snapshot()).toBe(before);
  });

  it('in another integration: its id after the inputs in code, the Integration-ID header over HTTP', async () => {
    const other = sandbox.control.createAccount();
    const call2 = api(sandbox, { authorization: `Token ${other.token}`, 'integration-id': other.integrationId });
    const { id } = (await call2('POST', 'prepayments/', prepaymentBody({ net_amount: '40.00' }))).body as { id: string };
    expect(() => sandbox.control.invoicePrepayment(id)).toThrow(/Not found/);
    expect(sandbox.control.invoicePrepayment(id, other.integrationId)).toMatchObject({ status: 'INVOICED' });
    const headers = { 'content-type': 'application/json', 'integration-id': other.integrationId };
    expect((await fetch(`${sandbox.origin}/_sandbox/prepayments/${id}/pay`, { method: 'POST', headers })).status).toBe(200);
    expect(sandbox.control.usePrepayment(id, '10.00', other.integrationId)).toMatchObject({ status: 'PARTIALLY_USED', available_balance: '30.00' });
    const used = await fetch(`${sandbox.origin}/_sandbox/prepayments/${id}/use`, { method: 'POST', headers, body: JSON.stringify({ amount: '5.00' }) });
    expect(await used.json()).toMatchObject({ available_balance: '25.00' });
    expect(sandbox.control.usePrepayment(id, undefined, other.integrationId)).toMatchObject({ status: 'FULLY_USED', available_balance: '0.00' });
  });

  it('an unknown prepayment is a 404 for every step', async () => {
    for (const step of ['invoice', 'pay', 'use']) expect((await control(`prepayments/nope/${step}`)).status).toBe(404);
  });
});

describe('prepayments: their billing invoice', () => {
  it('is created with the prepayment as a proforma billing the net amount, and shown in full with expand=invoice', async () => {
    const created = await create({ net_amount: '1200.00', invoice_marking: 'PO-9' });
    const invoice = (await call('GET', `invoices/${created.invoice}/`)).body;
    expect(invoice).toMatchObject({ id: created.invoice, billing_type: 'prepayment', total: '1200.00', amount_due: '1200.00', amount_paid: '0.00', currency: 'SEK', customer_reference: 'PO-9', issued_at: null, paid_at: null, due_date: null });
    expect((await call('GET', `prepayments/${created.id}/?expand=invoice`)).body.invoice).toEqual(invoice);
    expect((await call('POST', 'prepayments/?expand=invoice', prepaymentBody())).body.invoice).toMatchObject({ billing_type: 'prepayment', total: '50000.00' });
    const listed = (await call('GET', 'prepayments/?expand=invoice&page_size=100')).body.results as { id: string; invoice: unknown }[];
    expect(listed.find((p) => p.id === created.id)!.invoice).toEqual(invoice);
    expect((await call('GET', 'invoices/?billing_type=prepayment&page_size=100')).body.results.map((i: { id: string }) => i.id)).toContain(created.invoice);
    expect(sandbox.violations).toEqual([]);
  });

  it('follows the DRAFT edits, and goes when the DRAFT is deleted', async () => {
    const created = await create({ invoice_marking: '' });
    expect((await call('GET', `invoices/${created.invoice}/`)).body.customer_reference).toBeNull();
    const updated = (await call('PATCH', `prepayments/${created.id}/?expand=invoice`, { net_amount: '70.50', currency: 'EUR', invoice_marking: 'PO-2' })).body;
    expect(updated.invoice).toMatchObject({ id: created.invoice, total: '70.50', currency: 'EUR', customer_reference: 'PO-2' });
    expect((await call('DELETE', `prepayments/${created.id}/`)).status).toBe(204);
    expect((await call('GET', `invoices/${created.invoice}/`)).status).toBe(404);
  });

  it('is the one source of truth: invoiced_at is its issued_at, paid_at its paid_at', async () => {
    const { id, invoice } = await create({ net_amount: '500.00' });
    const invoiced = sandbox.control.invoicePrepayment(id);
    const issued = (await call('GET', `invoices/${invoice}/`)).body;
    expect(issued.issued_at).toBe(invoiced.invoiced_at);
    expect(issued.due_date).toEqual(expect.any(String));
    const paid = sandbox.control.payPrepayment(id);
    const settled = (await call('GET', `invoices/${invoice}/`)).body;
    expect(settled).toMatchObject({ paid_at: paid.paid_at, amount_due: '0.00', amount_paid: '500.00' });
  });

  it('issuing or paying the invoice itself moves the prepayment along', async () => {
    const { id, invoice } = await create({ net_amount: '800.00' });
    const issued = await call('POST', `invoices/${invoice}/issue/`, {});
    expect(issued.status).toBe(200);
    expect((await call('GET', `prepayments/${id}/`)).body).toMatchObject({ status: 'INVOICED', invoiced_at: issued.body.issued_at });
    expect(await call('PATCH', `prepayments/${id}/`, { description: 'Too late' })).toMatchObject({ status: 400, body: NOT_DRAFT });
    const paid = sandbox.control.payInvoice(invoice);
    expect((await call('GET', `prepayments/${id}/`)).body).toMatchObject({ status: 'PAID', paid_at: paid.paid_at, available_balance: '800.00' });
    expect((await control(`prepayments/${id}/pay`)).status).toBe(409);
  });

  it('invoicing is refused (403, nothing changes) while the integration may not issue invoices', async () => {
    const { id } = await create();
    sandbox.control.disableInvoicing(sandbox.integrationId);
    try {
      const before = sandbox.control.snapshot();
      expect((await control(`prepayments/${id}/invoice`)).status).toBe(403);
      expect(sandbox.control.snapshot()).toBe(before);
    } finally {
      sandbox.control.enableInvoicing(sandbox.integrationId);
    }
    expect(sandbox.control.invoicePrepayment(id)).toMatchObject({ status: 'INVOICED' });
  });
});
