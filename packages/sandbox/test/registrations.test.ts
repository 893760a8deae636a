/**
 * Registrations: user-scoped (no `Integration-ID`), editable only while `needs_review`, approved
 * on demand (the sandbox plays the demo server, where `POST .../approve/` exists), approval
 * creating the Integration `integration_id` and sending the user-scoped `Registration.verified`.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { accountApi, api, registrationBody, startForFile } from './helpers.js';

const { sandbox, call } = await startForFile();


const bare = accountApi(sandbox);

const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const receiver = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    received.push({ headers: request.headers, body });
    response.end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

describe('registrations', () => {
  it('creates without Integration-ID: 201, needs_review, a uuid4 integration_id, optional fields at their defaults', async () => {
    const created = await bare('POST', 'registrations/', registrationBody());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ needs_review: true, vat_number: '', address_line_2: '', state: null, country: 'DNK', invoice_email: 'invoices@nordlys.dk' });
    expect(created.body.integration_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await bare('GET', `registrations/${created.body.id}/`)).body).toEqual(created.body);
    expect(sandbox.violations).toEqual([]);
  });

  it('refuses SWE, a missing contact field, and an integration_id already taken (by an integration or another registration)', async () => {
    const swedish = await bare('POST', 'registrations/', registrationBody({ country: 'SWE' }));
    expect(swedish.status).toBe(400);
    expect(Object.keys(swedish.body)).toContain('country');
    const { invoice_email: _, ...withoutInvoiceEmail } = registrationBody();
    const missing = await bare('POST', 'registrations/', withoutInvoiceEmail);
    expect(missing.status).toBe(400);
    expect(missing.body.invoice_email).toEqual(['This field is required.']);
    const taken = await bare('POST', 'registrations/', registrationBody({ integration_id: sandbox.integrationId }));
    expect(taken.status).toBe(400);
    expect(taken.body.integration_id[0]).toMatch(/already exists/);
    expect((await bare('POST', 'registrations/', registrationBody({ integration_id: 'chosen-1' }))).status).toBe(201);
    const twice = await bare('POST', 'registrations/', registrationBody({ integration_id: 'chosen-1' }));
    expect(twice.status).toBe(400);
    expect(twice.body.integration_id[0]).toMatch(/already exists/);
  });

  it('updates, replaces and deletes while needs_review; all three refused with 400 non_field_errors once approved', async () => {
    const pending = (await bare('POST', 'registrations/', registrationBody({ vat_number: 'DK1' }))).body;
    const patched = await bare('PATCH', `registrations/${pending.id}/`, { city: 'Aarhus' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ city: 'Aarhus', vat_number: 'DK1' });
    const replaced = await bare('PUT', `registrations/${pending.id}/`, registrationBody({ friendly_name: 'Nordlys 2' }));
    expect(replaced.body).toMatchObject({ friendly_name: 'Nordlys 2', city: 'København', vat_number: '', integration_id: pending.integration_id });
    const doomed = (await bare('POST', 'registrations/', registrationBody())).body;
    expect((await bare('DELETE', `registrations/${doomed.id}/`)).status).toBe(204);
    expect((await bare('GET', `registrations/${doomed.id}/`)).status).toBe(404);

    expect((await bare('POST', `registrations/${pending.id}/approve/`)).status).toBe(200);
    const before = sandbox.control.snapshot();
    for (const [method, body] of [['PATCH', { city: 'Odense' }], ['PUT', registrationBody()], ['DELETE', undefined]] as const) {
      const refused = await bare(method, `registrations/${pending.id}/`, body);
      expect(refused.status, method).toBe(400);
      expect(refused.body).toEqual({ non_field_errors: ['An approved registration cannot be changed.'] });
    }
    const again = await bare('POST', `registrations/${pending.id}/approve/`);
    expect(again.status).toBe(400);
    expect(again.body.non_field_errors).toHaveLength(1);
    expect(sandbox.control.snapshot()).toBe(before);
  });

  it('approval creates the Integration integration_id (named after friendly_name) and sends Registration.verified with only Gigapay-Event', async () => {
    const hook = await bare('POST', 'webhooks/', { url: hookUrl, events: ['Registration.verified'] });
    expect(hook.status).toBe(201);
    const registration = (await bare('POST', 'registrations/', registrationBody({ integration_id: 'nordlys-integration', friendly_name: 'Nordlys DK' }))).body;
    const approved = await bare('POST', `registrations/${registration.id}/approve/`);
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({ ...registration, needs_review: false });

    const integration = await bare('GET', 'integrations/nordlys-integration/');
    expect(integration.status).toBe(200);
    expect(integration.body).toMatchObject({ id: 'nordlys-integration', name: 'Nordlys DK', email: 'invoices@nordlys.dk', recipient: 'Nordlys ApS', city: 'København' });
    // The new integration is the token's to act as.
    expect((await call('GET', 'employees/', undefined, { 'integration-id': 'nordlys-integration' })).status).toBe(200);

    await sandbox.control.waitForDeliveries();
    expect(received).toHaveLength(1);
    expect(received[0]!.headers['gigapay-event']).toBe('Registration.verified');
    expect(received[0]!.headers).not.toHaveProperty('gigapay-integration-id');
    expect(JSON.parse(received[0]!.body)).toEqual(approved.body);
    expect(sandbox.violations).toEqual([]);
  });

  it('approves on demand through the control, over HTTP and in code; an unknown id is a 404', async () => {
    const viaHttp = (await bare('POST', 'registrations/', registrationBody())).body;
    const response = await fetch(`${sandbox.origin}/_sandbox/registrations/${viaHttp.id}/approve`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: viaHttp.id, needs_review: false });
    const inCode = (await bare('POST', 'registrations/', registrationBody())).body;
    expect(sandbox.control.approveRegistration(inCode.id)).toMatchObject({ needs_review: false });
    expect((await bare('GET', `integrations/${inCode.integration_id}/`)).status).toBe(200);
    expect(() => sandbox.control.approveRegistration('no-such-registration')).toThrow();
    expect(((await (await fetch(`${sandbox.origin}/_sandbox/`)).json()) as { controls: string[] }).controls).toContain('POST /_sandbox/registrations/{id}/approve');
  });

  it('lists the account’s own registrations only; another account’s are 404', async () => {
    const other = sandbox.control.createAccount();
    const otherCall = api({ url: sandbox.url, token: other.token, integrationId: other.integrationId });
    const theirs = (await otherCall('POST', 'registrations/', registrationBody())).body;
    expect((await bare('GET', `registrations/${theirs.id}/`)).status).toBe(404);
    expect((await bare('POST', `registrations/${theirs.id}/approve/`)).status).toBe(404);
    const mine = (await bare('GET', 'registrations/?page_size=100')).body;
    expect(mine.results.map((r: { id: string }) => r.id)).not.toContain(theirs.id);
    expect((await otherCall('GET', 'registrations/')).body.count).toBe(1);
    // An Integration-ID header, even another account's, is not looked at.
    expect((await call('GET', 'registrations/', undefined, { 'integration-id': other.integrationId })).status).toBe(200);
  });
});
