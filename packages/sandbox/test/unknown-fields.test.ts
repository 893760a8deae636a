// The sandbox accepts unknown body fields as the API does, and names them: a header and a log line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, employeeBody, start, type Call } from './helpers.js';

let sandbox: Awaited<ReturnType<typeof start>>;
let call: Call;
beforeAll(async () => {
  sandbox = await start();
  call = api(sandbox);
});
afterAll(() => sandbox.close());

describe('Gigapay-Sandbox-Warning', () => {
  it('names each ignored field, nested (employee.nmae) and per bulk item (1.descripton), and logs it', async () => {
    const employee = await call('POST', 'employees/', employeeBody());
    const payout = { employee: employee.body.id, currency: 'SEK', description: 'Gig', amount: '100.00' };
    const typo = await call('POST', 'payouts/', { ...payout, metdata: { job_id: 1 } });
    expect(typo.status).toBe(201);
    expect(typo.body.metadata).toEqual({});
    expect(typo.headers.get('gigapay-sandbox-warning')).toBe('ignored unknown field: metdata');
    expect(sandbox.violations.at(-1)).toBe('[gigapay-sandbox] POST /v2/payouts/: ignored unknown field: metdata');

    const inline = await call('POST', 'payouts/?expand=employee', { ...payout, employee: { ...employeeBody(), nmae: 'x' }, colour: 'red' });
    expect(inline.status).toBe(201);
    expect(inline.headers.get('gigapay-sandbox-warning')).toBe('ignored unknown fields: employee.nmae, colour');

    const bulk = await call('POST', 'payouts/', [payout, { ...payout, descripton: 'typo' }]);
    expect(bulk.status).toBe(200);
    expect(bulk.headers.get('gigapay-sandbox-warning')).toBe('ignored unknown field: 1.descripton');
  });

  it('is absent when every field is known, metadata taking any keys', async () => {
    const created = await call('POST', 'employees/', employeeBody({ metadata: { anything: { nested: true } } }));
    expect(created.status).toBe(201);
    expect(created.headers.has('gigapay-sandbox-warning')).toBe(false);
  });

  it('is absent from a refused request (its 400 names the problems)', async () => {
    const refused = await call('POST', 'employees/', { name: 'x', country: 'SWE', nmae: 'y' });
    expect(refused.status).toBe(400);
    expect(refused.headers.has('gigapay-sandbox-warning')).toBe(false);
  });
});
