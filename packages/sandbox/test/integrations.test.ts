import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, employeeBody, start, type Call } from './helpers.js';

let sandbox: Awaited<ReturnType<typeof start>>;
let call: Call;
const integrationBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Pinestreet Tech', email: 'albin@pinestreet.tech', recipient: 'Pinestreet Tech AB', address_line_1: 'Storgatan 1', zip_code: '11129', city: 'Stockholm', ...overrides,
});

beforeAll(async () => {
  sandbox = await start();
  call = api(sandbox);
});
afterAll(() => sandbox.close());

describe('integrations', () => {
  it('lists the account\'s integrations, filterable by type', async () => {
    const all = await call('GET', 'integrations/');
    expect(all.body.results.map((i: { type: number }) => i.type).sort()).toEqual([1, 2, 3]);
    const custom = await call('GET', 'integrations/?type=3');
    expect(custom.body.results.map((i: { id: string }) => i.id)).toEqual([sandbox.integrationId]);
    expect((await call('GET', 'integrations/?type=7')).status).toBe(400);
  });

  it('creates type 3 integrations with globally unique ids', async () => {
    const created = await call('POST', 'integrations/', integrationBody({ id: '846291712', logo: 'iVBORw0KGgo=' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: '846291712', type: 3, address_line_2: null, metadata: {} });
    expect(created.body.logo).toMatch(/^https:\/\//);
    const other = api({ url: sandbox.url, ...sandbox.control.createAccount() });
    const dup = await other('POST', 'integrations/', integrationBody({ id: '846291712' }));
    expect(dup.status).toBe(400);
    expect(dup.body.id[0]).toMatch(/already exists/);
    expect((await other('GET', 'integrations/846291712/')).status).toBe(404);
  });

  it('updates and replaces, except type 2 (403)', async () => {
    const id = (await call('POST', 'integrations/', integrationBody())).body.id;
    const patched = await call('PATCH', `integrations/${id}/`, { email: 'new@example.com' });
    expect(patched.body.email).toBe('new@example.com');
    const put = await call('PUT', `integrations/${id}/`, integrationBody({ name: 'Replaced' }));
    expect(put.body).toMatchObject({ name: 'Replaced', email: 'albin@pinestreet.tech' });
    const typeTwo = (await call('GET', 'integrations/?type=2')).body.results[0].id;
    expect((await call('PATCH', `integrations/${typeTwo}/`, { name: 'x' })).status).toBe(403);
    expect((await call('PUT', `integrations/${typeTwo}/`, integrationBody())).status).toBe(403);
  });

  it('deletes only empty type 3 integrations', async () => {
    const types = (await call('GET', 'integrations/')).body.results;
    for (const t of types.filter((i: { type: number }) => i.type !== 3)) expect((await call('DELETE', `integrations/${t.id}/`)).status).toBe(403);
    const id = (await call('POST', 'integrations/', integrationBody())).body.id;
    await call('POST', 'employees/', employeeBody(), { 'integration-id': id });
    const busy = await call('DELETE', `integrations/${id}/`);
    expect(busy.status).toBe(400);
    const empty = (await call('POST', 'integrations/', integrationBody())).body.id;
    expect((await call('DELETE', `integrations/${empty}/`)).status).toBe(204);
  });
});

describe('webhooks', () => {
  it('creates with a generated 32-character secret; PUT without secret rotates it; PATCH keeps it', async () => {
    const created = await call('POST', 'webhooks/', { url: 'https://jobmatchr.se/webhooks/payouts/', events: ['Payout.created'] });
    expect(created.status).toBe(201);
    expect(created.body.secret_key).toMatch(/^[a-z0-9]{32}$/);
    const patched = await call('PATCH', `webhooks/${created.body.id}/`, { events: ['Payout.created', 'Payout.accepted'] });
    expect(patched.body.secret_key).toBe(created.body.secret_key);
    const put = await call('PUT', `webhooks/${created.body.id}/`, { url: 'https://jobmatchr.se/webhooks/invoices/', events: ['Invoice.paid'] });
    expect(put.body.secret_key).not.toBe(created.body.secret_key);
    expect(put.body.url).toBe('https://jobmatchr.se/webhooks/invoices/');
    expect((await call('GET', 'webhooks/')).body.count).toBe(1);
    expect((await call('DELETE', `webhooks/${created.body.id}/`)).status).toBe(204);
  });

  it('validates events and url', async () => {
    const bad = await call('POST', 'webhooks/', { url: 'not a url', events: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.url).toBeDefined();
    expect(bad.body.events).toEqual(['This list may not be empty.']);
    const unknown = await call('POST', 'webhooks/', { url: 'https://x.example/', events: ['Payout.paid'] });
    expect(unknown.body.events).toEqual({ 0: ['"Payout.paid" is not a valid choice.'] });
  });
});
