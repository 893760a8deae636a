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

/** Another account's ready integration (there is no create), and `call` with its credentials. */
function freshAccount() {
  const credentials = sandbox.control.createAccount();
  return { ...credentials, call: api({ url: sandbox.url, ...credentials }) };
}

describe('integrations', () => {
  it('lists the account\'s integrations, filterable by type', async () => {
    const all = await call('GET', 'integrations/');
    expect(all.body.results.map((i: { type: number }) => i.type).sort()).toEqual([1, 2, 3]);
    const custom = await call('GET', 'integrations/?type=3');
    expect(custom.body.results.map((i: { id: string }) => i.id)).toEqual([sandbox.integrationId]);
    expect((await call('GET', 'integrations/?type=7')).status).toBe(400);
  });

  it('has no create (integrations come with the account); ids are unique sandbox-wide', async () => {
    const created = await call('POST', 'integrations/', integrationBody({ id: '846291712' }));
    expect(created.status).toBe(405);
    expect(created.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const other = freshAccount();
    const taken = await other.call('PATCH', `integrations/${other.integrationId}/`, { id: sandbox.integrationId });
    expect(taken.status).toBe(400);
    expect(taken.body.id[0]).toMatch(/already exists/);
    expect((await other.call('GET', `integrations/${sandbox.integrationId}/`)).status).toBe(404);
  });

  it('updates and replaces, except type 2 (403)', async () => {
    const id = sandbox.integrationId;
    const patched = await call('PATCH', `integrations/${id}/`, { email: 'new@example.com' });
    expect(patched.body.email).toBe('new@example.com');
    const put = await call('PUT', `integrations/${id}/`, integrationBody({ name: 'Replaced' }));
    expect(put.body).toMatchObject({ name: 'Replaced', email: 'albin@pinestreet.tech' });
    const typeTwo = (await call('GET', 'integrations/?type=2')).body.results[0].id;
    expect((await call('PATCH', `integrations/${typeTwo}/`, { name: 'x' })).status).toBe(403);
    expect((await call('PUT', `integrations/${typeTwo}/`, integrationBody())).status).toBe(403);
  });

  it('accepts multipart/form-data on create, update and replace, the logo as a file', async () => {
    // Another account's integration: renaming the default one would disturb the other tests.
    const { token: formToken, integrationId: formId } = sandbox.control.createAccount();
    const send = (method: string, path: string, form: FormData, headers: Record<string, string> = {}) =>
      fetch(new URL(path, sandbox.url), { method, headers: { authorization: `Token ${formToken}`, ...headers }, body: form });
    const toForm = (fields: Record<string, string | Blob>) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      return form;
    };
    const logo = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], { type: 'image/png' });
    const fields = { ...integrationBody({ id: 'form-1' }), metadata: JSON.stringify({ crm: 17 }), address_line_2: '', logo };

    const created = await send('PUT', `integrations/${formId}/`, toForm(fields), { 'idempotency-key': 'form-create' });
    expect(created.status).toBe(200);
    const body = await created.json();
    expect(body).toMatchObject({ id: 'form-1', type: 3, name: 'Pinestreet Tech', metadata: { crm: 17 }, address_line_2: null });
    expect(body.logo).toBe('https://sandbox.gigapay.invalid/logos/form-1.png');
    // A retry sends a new multipart boundary; the key still matches the same form.
    const retried = await send('PUT', `integrations/${formId}/`, toForm(fields), { 'idempotency-key': 'form-create' });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');

    const patched = await send('PATCH', 'integrations/form-1/', toForm({ city: 'Göteborg' }));
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ city: 'Göteborg', name: 'Pinestreet Tech', metadata: { crm: 17 }, logo: body.logo });
    const replaced = await send('PUT', 'integrations/form-1/', toForm(integrationBody({ name: 'Replaced' })));
    expect(await replaced.json()).toMatchObject({ name: 'Replaced', logo: null, metadata: {} });

    // Validated against the same schema as the JSON body.
    const incomplete = await send('PUT', 'integrations/form-1/', toForm({ name: 'Only a name' }));
    expect(incomplete.status).toBe(400);
    expect((await incomplete.json()).email).toEqual(['This field is required.']);
    const badEmail = await send('PATCH', 'integrations/form-1/', toForm({ email: 'not an email' }));
    expect(await badEmail.json()).toEqual({ email: ['Enter a valid email address.'] });
    const badMetadata = await send('PATCH', 'integrations/form-1/', toForm({ metadata: '{not json' }));
    expect(badMetadata.status).toBe(400);
    expect(await badMetadata.json()).toEqual({ metadata: ['Value must be valid JSON.'] });
    const listMetadata = await send('PATCH', 'integrations/form-1/', toForm({ metadata: '[1]' }));
    expect(listMetadata.status).toBe(400);

    const malformed = await fetch(new URL('integrations/form-1/', sandbox.url), {
      method: 'PATCH', headers: { authorization: `Token ${formToken}`, 'content-type': 'multipart/form-data; boundary=x' }, body: 'not a form',
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).non_field_errors[0]).toMatch(/^Multipart form parse error - /);

    // Only where the spec documents a form.
    const employee = await send('POST', 'employees/', toForm(employeeBody()), { authorization: `Token ${sandbox.token}`, 'integration-id': sandbox.integrationId });
    expect(employee.status).toBe(400);
    expect((await employee.json()).non_field_errors[0]).toMatch(/^Unsupported media type "multipart\/form-data; boundary=.*this operation accepts application\/json bodies/);
  });

  it('deletes only empty type 3 integrations', async () => {
    const types = (await call('GET', 'integrations/')).body.results;
    for (const t of types.filter((i: { type: number }) => i.type !== 3)) expect((await call('DELETE', `integrations/${t.id}/`)).status).toBe(403);
    const busy = freshAccount();
    await busy.call('POST', 'employees/', employeeBody());
    expect((await busy.call('DELETE', `integrations/${busy.integrationId}/`)).status).toBe(400);
    const empty = freshAccount();
    expect((await empty.call('DELETE', `integrations/${empty.integrationId}/`)).status).toBe(204);
  });
});

describe('webhooks', () => {
  it('creates with a generated 32-character secret; PUT without secret rotates it; PATCH keeps it', async () => {
    const created = await call('POST', 'webhooks/', { url: 'https://jobmatchr.se/webhooks/payouts/', events: ['Payout.created'] });
    expect(created.status).toBe(201);
    expect(created.body.secret_key).toMatch(/^[a-z0-9]{32}$/);
    const patched = await call('PATCH', `webhooks/${created.body.id}/`, { events: ['Payout.created', 'Payout.accepted'] });
    expect(patched.body.secret_key).toBe(created.body.secret_key);
    const put = await call('PUT', `webhooks/${created.body.id}/`, { url: 'https://jobmatchr.se/webhooks/invoices/', events: ['Payrun.paid'] });
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
