// The contract suite: every operation of the spec called through @gigapay/client against
// @gigapay/sandbox, every exchange checked by a validator built from the bundled spec alone, and a
// coverage gate that fails naming any operation, documented status or event never exercised.
import { createGigapayClient, type GigapayClient } from '@gigapay/client';
import type { WebhookEventName } from '@gigapay/types';
import { startSandbox, type ListeningSandbox } from '@gigapay/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractRecorder } from '../src/index.js';
import { startWebhookReceiver, type WebhookReceiver } from './receiver.js';
import { spec } from './spec.js';

const recorder = createContractRecorder(spec);
let sandbox: ListeningSandbox;
let receiver: WebhookReceiver;
/** The default account, acting as its ready integration. */
let api: GigapayClient<false>;
/** A token the sandbox does not know: every call is a 401. */
let anonymous: GigapayClient<false>;
/** The right token with an integration of another account: every integration-scoped call is a 403. */
let stranger: GigapayClient<false>;
/** An account whose keys only work from an allow-listed IP that is not ours: every call is a 403. */
let ipRestricted: GigapayClient<false>;

/** The default account again, for requests that break the spec on purpose (the 400 paths). */
let invalid: Loose;

// Requests the generated types rightly refuse go through an untyped door, and the recorder checks
// that each of them does break the spec.
type Loose = Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', (path: string, init?: object) => Promise<{ response: Response; data?: any; error?: any }>>;

function clientFor(token: string, integrationId: string, options: { invalidRequests?: boolean; server?: ListeningSandbox; fetch?: typeof fetch } = {}) {
  const { server = sandbox, fetch = globalThis.fetch, ...recorded } = options;
  return createGigapayClient({ token, integrationId, server: server.url, fetch: recorder.wrap(fetch, recorded), maxRetries: 0 });
}

/** Sends each request with a 20 KiB header more than the client sets (after the recorder saw it). */
const withBigHeader: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  request.headers.set('x-padding', 'x'.repeat(20 * 1024));
  return globalThis.fetch(request);
};

/** Clients whose every request passes one of the sandbox's limits (see the 413/414/431 test). */
const limited = {} as Record<'shortUrls' | 'smallBodies' | 'bigHeaders', GigapayClient<false>>;
const limitedSandboxes: ListeningSandbox[] = [];

const payoutBody = (employee: string, amount = '1000.00') => ({ employee, currency: 'SEK', description: 'Contract test gig', amount });
const employeeBody = (n: number) => ({ name: `Worker ${n}`, email: `worker${n}@example.com`, country: 'SWE' });
const integrationBody = { name: 'Contract AB', email: 'billing@contract.example', recipient: 'Contract AB', address_line_1: 'Sveavägen 1', zip_code: '11129', city: 'Stockholm' };
const webhookBody = (url: string) => ({ url, events: ['Payout.created' as const] });
const badDate = { created_at_before: 'yesterday' };

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, strict: true });
  receiver = await startWebhookReceiver();
  api = clientFor(sandbox.token, sandbox.integrationId);
  invalid = clientFor(sandbox.token, sandbox.integrationId, { invalidRequests: true }) as unknown as Loose;
  anonymous = clientFor('0000000000000000000000000000000000000000', sandbox.integrationId);
  stranger = clientFor(sandbox.token, sandbox.control.createAccount().integrationId);
  const restricted = sandbox.control.createAccount({ allowedIps: ['203.0.113.7'] });
  ipRestricted = clientFor(restricted.token, restricted.integrationId);
  const [shortUrls, smallBodies] = await Promise.all([startSandbox({ port: 0, strict: true, limits: { urlLength: 1 } }), startSandbox({ port: 0, strict: true, limits: { bodyBytes: 1 } })]);
  limitedSandboxes.push(shortUrls, smallBodies);
  limited.shortUrls = clientFor(shortUrls.token, shortUrls.integrationId, { server: shortUrls });
  limited.smallBodies = clientFor(smallBodies.token, smallBodies.integrationId, { server: smallBodies });
  limited.bigHeaders = clientFor(sandbox.token, sandbox.integrationId, { fetch: withBigHeader });
});

afterAll(async () => {
  await receiver?.close();
  await sandbox?.close();
  await Promise.all(limitedSandboxes.map((limitedSandbox) => limitedSandbox.close()));
});

describe('Integrations', () => {
  it('lists, creates, retrieves, updates, replaces and deletes', async () => {
    expect((await api.GET('/integrations/')).response.status).toBe(200);
    expect((await invalid.GET('/integrations/', { params: { query: { type: 7 } } })).response.status).toBe(400);
    expect((await api.GET('/integrations/', { params: { query: { page: 99 } } })).response.status).toBe(404);

    const created = await api.POST('/integrations/', { body: integrationBody });
    expect(created.response.status).toBe(201);
    const id = created.data!.id;
    expect((await invalid.POST('/integrations/', { body: { ...integrationBody, email: 'not an email' } })).response.status).toBe(400);
    expect((await api.GET('/integrations/{id}/', { params: { path: { id } } })).data?.name).toBe('Contract AB');
    expect((await api.PATCH('/integrations/{id}/', { params: { path: { id } }, body: { city: 'Göteborg' } })).data?.city).toBe('Göteborg');
    expect((await invalid.PATCH('/integrations/{id}/', { params: { path: { id } }, body: { email: 'nope' } })).response.status).toBe(400);
    expect((await api.PUT('/integrations/{id}/', { params: { path: { id } }, body: { ...integrationBody, id } })).response.status).toBe(200);
    expect((await invalid.PUT('/integrations/{id}/', { params: { path: { id } }, body: { name: 'Only a name' } })).response.status).toBe(400);
    expect((await api.DELETE('/integrations/{id}/', { params: { path: { id } } })).response.status).toBe(204);
  });

  it('refuses the rules of types 1 and 2, and an integration that still owns objects', async () => {
    const { data } = await api.GET('/integrations/', { params: { query: { page_size: 100 } } });
    const webApp = data!.results.find((i) => i.type === 1)!;
    const invoices = data!.results.find((i) => i.type === 2)!;
    const path = { path: { id: invoices.id } };
    expect((await api.PATCH('/integrations/{id}/', { params: path, body: { name: 'x' } })).response.status).toBe(403);
    expect((await api.PUT('/integrations/{id}/', { params: path, body: integrationBody })).response.status).toBe(403);
    expect((await api.DELETE('/integrations/{id}/', { params: { path: { id: webApp.id } } })).response.status).toBe(403);
    await api.POST('/employees/', { body: employeeBody(900) });
    const owning = await api.DELETE('/integrations/{id}/', { params: { path: { id: sandbox.integrationId } } });
    expect(owning.response.status).toBe(400);
  });
});

describe('Employees', () => {
  it('registers, lists, retrieves, updates, replaces, resends and deletes', async () => {
    const created = await api.POST('/employees/', { body: employeeBody(1) });
    expect(created.response.status).toBe(201);
    const id = created.data!.id;
    const noContact = await invalid.POST('/employees/', { body: { name: 'Nobody', country: 'SWE' } });
    expect(noContact.response.status).toBe(400);
    expect(noContact.error).toEqual({ non_field_errors: ['Either email or cellphone_number is required.'] });
    expect((await api.POST('/employees/', { body: { ...employeeBody(2), id } })).error).toHaveProperty('id');

    expect((await api.GET('/employees/', { params: { query: { search: 'worker1', created_at_null: false } } })).data?.count).toBe(1);
    expect((await invalid.GET('/employees/', { params: { query: badDate } })).response.status).toBe(400);
    expect((await api.GET('/employees/', { params: { query: { page: 50 } } })).response.status).toBe(404);
    expect((await api.GET('/employees/{id}/', { params: { path: { id } } })).data?.name).toBe('Worker 1');
    expect((await api.PATCH('/employees/{id}/', { params: { path: { id } }, body: { name: 'Worker One' } })).data?.name).toBe('Worker One');
    expect((await invalid.PATCH('/employees/{id}/', { params: { path: { id } }, body: { country: 'Sweden' } })).response.status).toBe(400);
    expect((await api.PUT('/employees/{id}/', { params: { path: { id } }, body: { ...employeeBody(1), id } })).response.status).toBe(200);
    expect((await invalid.PUT('/employees/{id}/', { params: { path: { id } }, body: { name: 'No country' } })).response.status).toBe(400);

    expect((await api.PATCH('/employees/{id}/resend/', { params: { path: { id } } })).response.status).toBe(204);
    expect((await api.PATCH('/employees/{id}/resend/', { params: { path: { id } } })).response.status).toBe(400);

    expect((await api.DELETE('/employees/{id}/', { params: { path: { id } } })).response.status).toBe(204);
    const paid = (await api.POST('/employees/', { body: employeeBody(3) })).data!.id;
    await api.POST('/payouts/', { body: payoutBody(paid) });
    expect((await api.DELETE('/employees/{id}/', { params: { path: { id: paid } } })).response.status).toBe(400);
  });
});

describe('Payouts', () => {
  it('creates one, many and with an inline employee; lists, retrieves, resends and deletes', async () => {
    const employee = (await api.POST('/employees/', { body: employeeBody(10) })).data!.id;
    const single = await api.POST('/payouts/', { body: payoutBody(employee) });
    expect(single.response.status).toBe(201);
    expect(single.data).toMatchObject({ amount: '1000.00', invoiced_amount: '1314.20', cost: '1379.91' });

    const bulk = await api.POST('/payouts/', { body: [payoutBody(employee, '10.00'), payoutBody(employee, '20.00')] });
    expect(bulk.response.status).toBe(200);
    expect(new Set((bulk.data as { invoice: string }[]).map((p) => p.invoice)).size).toBe(1);
    const bulkError = await api.POST('/payouts/', { body: [payoutBody(employee), payoutBody('nobody')] });
    expect(bulkError.response.status).toBe(400);
    expect(Array.isArray(bulkError.error) && bulkError.error[0]).toEqual({});

    const inline = await api.POST('/payouts/', {
      params: { query: { expand: ['employee'] } },
      body: { ...payoutBody(''), employee: { name: 'Worker 10', email: 'worker10@example.com', country: 'SWE' } },
    });
    expect(inline.response.status).toBe(201);
    expect(inline.data?.employee).toMatchObject({ id: employee });

    const payout = single.data!;
    expect((await api.GET('/payouts/', { params: { query: { employee, expand: ['employee', 'invoice'] } } })).data?.count).toBe(4);
    expect((await invalid.GET('/payouts/', { params: { query: { accepted_at_null: 'maybe' } } })).response.status).toBe(400);
    expect((await api.GET('/payouts/', { params: { query: { page: 9 } } })).response.status).toBe(404);
    expect((await api.GET('/payouts/{id}/', { params: { path: { id: payout.id }, query: { expand: ['invoice'] } } })).data?.invoice).toHaveProperty('ocr_number');
    expect((await invalid.GET('/payouts/{id}/', { params: { path: { id: payout.id }, query: { expand: ['owner'] } } })).response.status).toBe(400);

    sandbox.control.payPayrun(payout.invoice as string); // notifies the payout…
    expect((await api.PATCH('/payouts/{id}/resend/', { params: { path: { id: payout.id } } })).response.status).toBe(400);
    sandbox.control.advanceClock(24 * 3600 * 1000 + 1); // …and a resend waits 24 hours
    expect((await api.PATCH('/payouts/{id}/resend/', { params: { path: { id: payout.id } } })).response.status).toBe(204);
    // The PUT of the docs' samples is the same resend: counted against the same 24 hours.
    expect((await api.PUT('/payouts/{id}/resend/', { params: { path: { id: payout.id } } })).response.status).toBe(400);
    sandbox.control.advanceClock(24 * 3600 * 1000 + 1);
    expect((await api.PUT('/payouts/{id}/resend/', { params: { path: { id: payout.id } } })).response.status).toBe(204);
    expect((await api.DELETE('/payouts/{id}/', { params: { path: { id: payout.id } } })).response.status).toBe(400);
    const fresh = (await api.POST('/payouts/', { body: payoutBody(employee) })).data!;
    expect((await api.DELETE('/payouts/{id}/', { params: { path: { id: fresh.id } } })).response.status).toBe(204);
  });
});

describe('Pricing', () => {
  it('calculates one and many, lists and retrieves', async () => {
    const employee = (await api.POST('/employees/', { body: employeeBody(20) })).data!.id;
    const priced = await api.POST('/pricing/', { body: payoutBody(employee) });
    expect(priced.data).toEqual({
      amount: '1000.00', invoiced_amount: '1314.20', cost: '1379.91', currency: 'SEK', fee: '65.71',
      health_insurance: null, payroll: '314.20', pension: null, tax: '300.00', vat: '344.97',
    });
    expect((await api.POST('/pricing/', { body: [payoutBody(employee), payoutBody(employee, '3000.00')] })).response.status).toBe(200);
    expect((await invalid.POST('/pricing/', { body: { ...payoutBody(employee), cost: '1.00' } })).response.status).toBe(400);

    const payout = (await api.POST('/payouts/', { body: payoutBody(employee) })).data!;
    expect((await api.GET('/pricing/', { params: { query: { employee } } })).data?.count).toBe(1);
    expect((await invalid.GET('/pricing/', { params: { query: badDate } })).response.status).toBe(400);
    expect((await api.GET('/pricing/', { params: { query: { page: 9 } } })).response.status).toBe(404);
    expect((await api.GET('/pricing/{id}/', { params: { path: { id: payout.id } } })).data?.cost).toBe('1379.91');
  });
});

describe('Invoices', () => {
  it('lists, retrieves, updates and deletes, never a paid one', async () => {
    const employee = (await api.POST('/employees/', { body: employeeBody(30) })).data!.id;
    const payout = (await api.POST('/payouts/', { body: payoutBody(employee) })).data!;
    const id = payout.invoice as string;
    expect((await api.GET('/invoices/', { params: { query: { paid_at_null: true } } })).data?.results.map((i) => i.id)).toContain(id);
    expect((await invalid.GET('/invoices/', { params: { query: { paid_at_after: 'soon' } } })).response.status).toBe(400);
    expect((await api.GET('/invoices/', { params: { query: { page: 9 } } })).response.status).toBe(404);
    expect((await api.GET('/invoices/{id}/', { params: { path: { id } } })).data?.open).toBe(true);
    const renamed = await api.PATCH('/invoices/{id}/', { params: { path: { id } }, body: { metadata: { batch: 'w47' } } });
    expect(renamed.data?.metadata).toEqual({ batch: 'w47' });
    expect((await invalid.PATCH('/invoices/{id}/', { params: { path: { id } }, body: { metadata: 'w47' } })).response.status).toBe(400);
    sandbox.control.payPayrun(id);
    expect((await api.DELETE('/invoices/{id}/', { params: { path: { id } } })).response.status).toBe(400);

    const next = (await api.POST('/payouts/', { body: payoutBody(employee) })).data!;
    expect(next.invoice).not.toBe(id);
    expect((await api.DELETE('/invoices/{id}/', { params: { path: { id: next.invoice as string } } })).response.status).toBe(204);
  });
});

describe('Webhooks', () => {
  it('registers, lists, retrieves, updates, replaces (rotating the secret) and deletes', async () => {
    const created = await api.POST('/webhooks/', { body: webhookBody('https://example.com/hook/') });
    expect(created.response.status).toBe(201);
    const { id, secret_key } = created.data!;
    expect((await invalid.POST('/webhooks/', { body: { url: 'https://example.com/', events: [] } })).response.status).toBe(400);
    expect((await api.GET('/webhooks/')).data?.count).toBeGreaterThanOrEqual(1);
    expect((await invalid.GET('/webhooks/', { params: { query: { page_size: 0 } } })).response.status).toBe(400);
    expect((await api.GET('/webhooks/', { params: { query: { page: 9 } } })).response.status).toBe(404);
    expect((await api.GET('/webhooks/{id}/', { params: { path: { id } } })).data?.secret_key).toBe(secret_key);
    expect((await api.PATCH('/webhooks/{id}/', { params: { path: { id } }, body: { events: ['Invoice.paid'] } })).data?.events).toEqual(['Invoice.paid']);
    expect((await invalid.PATCH('/webhooks/{id}/', { params: { path: { id } }, body: { events: ['Payout.sent'] } })).response.status).toBe(400);
    const replaced = await api.PUT('/webhooks/{id}/', { params: { path: { id } }, body: webhookBody('https://example.com/other/') });
    expect(replaced.data?.secret_key).not.toBe(secret_key);
    expect((await invalid.PUT('/webhooks/{id}/', { params: { path: { id } }, body: { events: ['Invoice.paid'] } })).response.status).toBe(400);
    expect((await api.DELETE('/webhooks/{id}/', { params: { path: { id } } })).response.status).toBe(204);
  });
});

describe('every operation', () => {
  // One call per operation, with an id that does not exist: enough to reach auth, permissions and 404.
  const missing = { path: { id: 'does-not-exist' } };
  const calls: Record<string, (client: GigapayClient<false>) => Promise<{ response: Response }>> = {
    retrieveApiRoot: (c) => c.GET('/'),
    listIntegrations: (c) => c.GET('/integrations/'),
    createIntegration: (c) => c.POST('/integrations/', { body: integrationBody }),
    retrieveIntegration: (c) => c.GET('/integrations/{id}/', { params: missing }),
    updateIntegration: (c) => c.PATCH('/integrations/{id}/', { params: missing, body: {} }),
    replaceIntegration: (c) => c.PUT('/integrations/{id}/', { params: missing, body: integrationBody }),
    deleteIntegration: (c) => c.DELETE('/integrations/{id}/', { params: missing }),
    listEmployees: (c) => c.GET('/employees/'),
    createEmployee: (c) => c.POST('/employees/', { body: employeeBody(99) }),
    retrieveEmployee: (c) => c.GET('/employees/{id}/', { params: missing }),
    updateEmployee: (c) => c.PATCH('/employees/{id}/', { params: missing, body: {} }),
    replaceEmployee: (c) => c.PUT('/employees/{id}/', { params: missing, body: employeeBody(99) }),
    deleteEmployee: (c) => c.DELETE('/employees/{id}/', { params: missing }),
    resendEmployeeInvitation: (c) => c.PATCH('/employees/{id}/resend/', { params: missing }),
    listPayouts: (c) => c.GET('/payouts/'),
    createPayout: (c) => c.POST('/payouts/', { body: payoutBody('nobody') }),
    retrievePayout: (c) => c.GET('/payouts/{id}/', { params: missing }),
    deletePayout: (c) => c.DELETE('/payouts/{id}/', { params: missing }),
    resendPayoutNotification: (c) => c.PATCH('/payouts/{id}/resend/', { params: missing }),
    resendPayoutNotificationPut: (c) => c.PUT('/payouts/{id}/resend/', { params: missing }),
    listPricing: (c) => c.GET('/pricing/'),
    calculatePricing: (c) => c.POST('/pricing/', { body: payoutBody('nobody') }),
    retrievePricing: (c) => c.GET('/pricing/{id}/', { params: missing }),
    listInvoices: (c) => c.GET('/invoices/'),
    retrieveInvoice: (c) => c.GET('/invoices/{id}/', { params: missing }),
    updateInvoice: (c) => c.PATCH('/invoices/{id}/', { params: missing, body: {} }),
    deleteInvoice: (c) => c.DELETE('/invoices/{id}/', { params: missing }),
    listWebhooks: (c) => c.GET('/webhooks/'),
    createWebhook: (c) => c.POST('/webhooks/', { body: webhookBody('https://example.com/') }),
    retrieveWebhook: (c) => c.GET('/webhooks/{id}/', { params: missing }),
    updateWebhook: (c) => c.PATCH('/webhooks/{id}/', { params: missing, body: {} }),
    replaceWebhook: (c) => c.PUT('/webhooks/{id}/', { params: missing, body: webhookBody('https://example.com/') }),
    deleteWebhook: (c) => c.DELETE('/webhooks/{id}/', { params: missing }),
  };

  it('is called by this table', () => {
    const operationIds = Object.values<any>(spec.paths).flatMap((item) => Object.values<any>(item).map((o) => o.operationId).filter(Boolean));
    expect(Object.keys(calls).sort()).toEqual(operationIds.sort());
  });

  it.each(Object.keys(calls))('%s: 401 without valid credentials', async (operationId) => {
    expect((await calls[operationId]!(anonymous)).response.status).toBe(401);
  });

  it.each(Object.keys(calls))('%s: 403 from an IP outside the allow-list, or for an integration not yours', async (operationId) => {
    expect((await calls[operationId]!(ipRestricted)).response.status).toBe(403);
    if (!operationId.endsWith('Integration') && !operationId.endsWith('Integrations') && operationId !== 'retrieveApiRoot') {
      expect((await calls[operationId]!(stranger)).response.status).toBe(403);
    }
  });

  it.each(Object.keys(calls))('%s: 429 with Retry-After when throttled, 500 when the server fails', async (operationId) => {
    sandbox.control.setFaults({ operations: [operationId], queue: ['rateLimit', 'error'] });
    try {
      const throttled = (await calls[operationId]!(api)).response;
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await calls[operationId]!(api)).response.status).toBe(500);
    } finally {
      sandbox.control.setFaults({});
    }
  });

  // The limits the sandbox checks before anything is parsed: a sandbox whose URL limit every path
  // passes (414), one whose body limit every body passes (413), and headers past Node's 16 KiB (431).
  it.each(Object.keys(calls))('%s: 414 for a URL too long, 431 for headers too large, 413 for a body too large', async (operationId) => {
    const operation = Object.values<any>(spec.paths).flatMap((item) => Object.values<any>(item)).find((o) => o?.operationId === operationId);
    expect((await calls[operationId]!(limited.shortUrls)).response.status).toBe(414);
    expect((await calls[operationId]!(limited.bigHeaders)).response.status).toBe(431);
    if (operation.requestBody) expect((await calls[operationId]!(limited.smallBodies)).response.status).toBe(413);
  });

  it('the API root lists every resource', async () => {
    const root = await api.GET('/');
    expect(root.response.status).toBe(200);
    expect(Object.keys(root.data ?? {})).toEqual(['employees', 'integrations', 'invoices', 'payouts', 'pricing', 'webhooks']);
  });

  it.each(Object.keys(calls).filter((id) => /^(retrieve|update|replace|delete|resend)/.test(id) && id !== 'retrieveApiRoot'))('%s: 404 for an unknown id', async (operationId) => {
    expect((await calls[operationId]!(api)).response.status).toBe(404);
  });
});

describe('events', () => {
  it('delivers each of the 9 events, signed, to a local receiver', async () => {
    // A fresh account, so that its first payout starts a new invoice (Invoice.created).
    const account = sandbox.control.createAccount();
    const client = clientFor(account.token, account.integrationId);
    const secret = 'contract-secret-key';
    const events = spec.components.schemas.WebhookEventName.enum as WebhookEventName[];
    for (const event of events) {
      await client.POST('/webhooks/', { body: { url: receiver.urlFor(event), events: [event], secret_key: secret } });
    }

    const employee = (await client.POST('/employees/', { body: employeeBody(40) })).data!;
    sandbox.control.verifyEmployee(employee.id, account.integrationId);
    const payout = (await client.POST('/payouts/', { body: payoutBody(employee.id) })).data!;
    sandbox.control.payPayrun(payout.invoice as string, account.integrationId);
    sandbox.control.acceptPayout(payout.id, account.integrationId);
    await sandbox.control.waitForDeliveries();

    const received = await receiver.verified(secret);
    for (const n of received) expect(recorder.recordWebhook(n.event, n.headers, n.body)).toEqual([]);
    expect(new Set(received.map((n) => n.event))).toEqual(new Set(events));
  });
});

describe('the coverage gate', () => {
  it('saw every operation, documented status and event, and no exchange broke the spec', () => {
    const coverage = recorder.coverage();
    console.log(
      `contract coverage: operations ${coverage.operations.covered}/${coverage.operations.total}, ` +
        `statuses ${coverage.statuses.covered}/${coverage.statuses.total}, events ${coverage.events.covered}/${coverage.events.total}`,
    );
    expect(recorder.violations.join('\n')).toBe('');
    expect(coverage.missing).toEqual([]);
  });
});
