// The requests of the Gigapay docs, sent as the docs send them, get what the docs say.
import { describe, expect, it } from 'vitest';
import { startForFile } from './helpers.js';

const { sandbox, call } = await startForFile();

describe('the API root', () => {
  it('GET /v2/ answers the map of resources to their absolute URLs (the auth and language samples)', async () => {
    const root = await call('GET', '');
    expect(root.status).toBe(200);
    const base = sandbox.url;
    expect(root.body).toEqual({
      employees: `${base}employees/`,
      integrations: `${base}integrations/`,
      invoices: `${base}invoices/`,
      messages: `${base}messages/`,
      payment_term: `${base}payment_term/`,
      payouts: `${base}payouts/`,
      payruns: `${base}payruns/`,
      prepayments: `${base}prepayments/`,
      pricing: `${base}pricing/`,
      registrations: `${base}registrations/`,
      webhooks: `${base}webhooks/`,
    });
    expect((await call('GET', '', undefined, { authorization: '' })).status).toBe(401);
    expect((await call('GET', '', undefined, { 'integration-id': '' })).status).toBe(200);
    expect(sandbox.violations).toEqual([]);
  });
});

describe('integer ids, as the docs send them', () => {
  it('creates an Employee with "id": 19472 and answers "19472"', async () => {
    const created = await call('POST', 'employees/', { id: 19472, name: 'Albin Lindskog', email: 'albin.lindskog@mail.com', cellphone_number: '+4670000001', country: 'SWE' });
    expect(created.status).toBe(201);
    expect(created.body.id).toBe('19472');
    expect((await call('GET', 'employees/19472/')).body.id).toBe('19472');
  });

  it('creates a Payout with "id": 9472 and "employee": 1847, and answers strings', async () => {
    await call('POST', 'employees/', { id: 1847, name: 'Albin Lindskog', email: 'albin@mail.com', country: 'SWE' });
    const created = await call('POST', 'payouts/', {
      id: 9472, currency: 'SEK', description: 'Instagram samarbete 2021-11-13.', employee: 1847, invoiced_amount: '1000.00',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: '9472', employee: '1847' });
    expect(sandbox.violations).toEqual([]);
  });

  it('filters with accepted_at_null=True, as the docs spell it', async () => {
    const listed = await call('GET', 'payouts/?employee=1847&accepted_at_null=True');
    expect(listed.status).toBe(200);
    expect(listed.body.results.map((p: { id: string }) => p.id)).toEqual(['9472']);
  });
});
