import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, employeeBody, start, type Call } from './helpers.js';

let sandbox: Awaited<ReturnType<typeof start>>;
let call: Call;

beforeAll(async () => {
  sandbox = await start({ port: 0 });
  call = api(sandbox);
});
afterAll(() => sandbox.close());

describe('startSandbox', () => {
  it('listens on loopback and hands out ready credentials', async () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2\/$/);
    expect(sandbox.token).toMatch(/^[0-9a-f]{40}$/);
    const response = await call('GET', 'employees/');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ count: 0, next: null, previous: null, results: [] });
  });
});

describe('authentication and Integration-ID', () => {
  it('401 without a token, and with a wrong one', async () => {
    const missing = await call('GET', 'employees/', undefined, { authorization: '' });
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ detail: 'Authentication credentials were not provided.' });
    const wrong = await call('GET', 'employees/', undefined, { authorization: 'Token nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.detail).toBe('Invalid token.');
    const bearer = await call('GET', 'employees/', undefined, { authorization: `Bearer ${sandbox.token}` });
    expect(bearer.status).toBe(401);
  });

  it('403 without Integration-ID, or with one that is not yours', async () => {
    const missing = await call('GET', 'payouts/', undefined, { 'integration-id': '' });
    expect(missing.status).toBe(403);
    expect(missing.body).toEqual({ detail: 'Integration-ID header is required.' });
    const other = sandbox.control.createAccount();
    const foreign = await call('GET', 'payouts/', undefined, { 'integration-id': other.integrationId });
    expect(foreign.status).toBe(403);
    expect(foreign.body.detail).toMatch(/not one of yours/);
    const unknown = await call('GET', 'payouts/', undefined, { 'integration-id': 'no-such' });
    expect(unknown.status).toBe(403);
  });

  it('403 from an address outside an IP-whitelisted token\'s list, on every operation', async () => {
    const restricted = sandbox.control.createAccount({ allowedIps: ['203.0.113.7'] });
    const headers = { authorization: `Token ${restricted.token}`, 'integration-id': restricted.integrationId };
    for (const path of ['integrations/', 'payouts/']) {
      const response = await call('GET', path, undefined, headers);
      expect(response.status).toBe(403);
      expect(response.body.detail).toMatch(/^Requests from 127\.0\.0\.1 are not allowed/);
    }
    const allowed = sandbox.control.createAccount({ allowedIps: ['127.0.0.1'] });
    const ok = await call('GET', 'integrations/', undefined, { authorization: `Token ${allowed.token}` });
    expect(ok.status).toBe(200);
  });

  it('Integrations operations need no Integration-ID', async () => {
    const response = await call('GET', 'integrations/', undefined, { 'integration-id': '' });
    expect(response.status).toBe(200);
  });

  it('keeps state apart per integration', async () => {
    // The account's web-app integration (there is no create), beside the default one.
    const other = (await call('GET', 'integrations/?type=1')).body.results[0].id;
    await call('POST', 'employees/', employeeBody());
    const second = await call('GET', 'employees/', undefined, { 'integration-id': other });
    expect(second.body.count).toBe(0);
    const first = await call('GET', 'employees/');
    expect(first.body.count).toBeGreaterThan(0);
  });
});

describe('documented traps', () => {
  it('307 to the slashed URL when the trailing slash is missing, query kept', async () => {
    const response = await call('GET', 'employees?page=1');
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`${sandbox.url}employees/?page=1`);
    const detail = await call('GET', 'employees/abc');
    expect(detail.status).toBe(307);
    expect(detail.headers.get('location')).toBe(`${sandbox.url}employees/abc/`);
  });

  it('405 with Allow for a wrong method (HEAD with GET, OPTIONS everywhere, in DRF order)', async () => {
    const response = await call('DELETE', 'employees/');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
    expect(response.body).toEqual({ detail: 'Method "DELETE" not allowed.' });
    const put = await call('PUT', 'payouts/x/', {});
    expect(put.headers.get('allow')).toBe('GET, DELETE, HEAD, OPTIONS');
    expect((await call('POST', 'webhooks/x/', {})).headers.get('allow')).toBe('GET, PUT, PATCH, DELETE, HEAD, OPTIONS');
    const head = await call('HEAD', 'employees/x/resend/');
    expect(head.status).toBe(405);
    expect(head.headers.get('allow')).toBe('PATCH, OPTIONS');
  });

  it('HEAD answers like GET without a body', async () => {
    const head = await call('HEAD', 'employees/');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/application\/json/);
    expect(head.body).toBeUndefined();
    expect((await call('HEAD', 'employees/nope/')).status).toBe(404);
    expect((await call('HEAD', 'employees/', undefined, { authorization: '' })).status).toBe(401);
    expect((await call('HEAD', 'payouts/', undefined, { 'integration-id': '' })).status).toBe(403);
    const inProcess = await sandbox.fetch(new Request(`${sandbox.url}employees/`, { method: 'HEAD', headers: { authorization: `Token ${sandbox.token}`, 'integration-id': sandbox.integrationId } }));
    expect(inProcess.status).toBe(200);
    expect(await inProcess.text()).toBe('');
  });

  it('OPTIONS answers 204 with Allow, after the same credential checks', async () => {
    const options = await call('OPTIONS', 'payouts/x/');
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, DELETE, HEAD, OPTIONS');
    expect((await call('OPTIONS', 'payouts/x/resend/')).headers.get('allow')).toBe('PUT, PATCH, OPTIONS');
    expect((await call('OPTIONS', 'employees/', undefined, { authorization: '' })).status).toBe(401);
    expect((await call('OPTIONS', 'employees/', undefined, { 'integration-id': '' })).status).toBe(403);
    expect((await call('OPTIONS', 'integrations/', undefined, { 'integration-id': '' })).status).toBe(204);
  });

  it('404 for unknown paths and ids', async () => {
    expect((await call('GET', 'nothing/')).status).toBe(404);
    const missing = await call('GET', 'employees/nope/');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: 'Not found.' });
  });

  it('400 in the DRF shape for malformed JSON, never a 5xx', async () => {
    const response = await call('POST', 'employees/', '{"name": ');
    expect(response.status).toBe(400);
    expect(response.body.non_field_errors[0]).toMatch(/JSON parse error/);
  });
});

describe('pagination', () => {
  it('pages with absolute next/previous and 404 on an out-of-range page', async () => {
    const fresh = sandbox.control.createAccount();
    const own = api({ url: sandbox.url, ...fresh });
    for (let i = 0; i < 5; i++) await own('POST', 'employees/', employeeBody({ name: `P${i}` }));
    const first = await own('GET', 'employees/?page_size=2&search=p');
    expect(first.body.count).toBe(5);
    expect(first.body.results).toHaveLength(2);
    expect(first.body.previous).toBeNull();
    expect(first.body.next).toBe(`${sandbox.url}employees/?page_size=2&search=p&page=2`);
    const second = await own('GET', first.body.next);
    expect(second.body.previous).toBe(`${sandbox.url}employees/?page_size=2&search=p&page=1`);
    const last = await own('GET', 'employees/?page_size=2&page=3');
    expect(last.body.results).toHaveLength(1);
    expect(last.body.next).toBeNull();
    const beyond = await own('GET', 'employees/?page_size=2&page=4');
    expect(beyond.status).toBe(404);
    expect(beyond.body).toEqual({ detail: 'Invalid page.' });
    expect((await own('GET', 'employees/?page_size=25')).body.results).toHaveLength(5);
  });
});

describe('Idempotency-Key', () => {
  it('replays the stored response and does not act twice', async () => {
    const body = employeeBody();
    const first = await call('POST', 'employees/', body, { 'idempotency-key': 'k-1' });
    const again = await call('POST', 'employees/', body, { 'idempotency-key': 'k-1' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const list = await call('GET', `employees/?search=${encodeURIComponent(body.email)}`);
    expect(list.body.count).toBe(1);
  });

  it('refuses the same key with a different body (400 naming the key)', async () => {
    await call('POST', 'employees/', employeeBody(), { 'idempotency-key': 'k-2' });
    const reused = await call('POST', 'employees/', employeeBody({ name: 'Other' }), { 'idempotency-key': 'k-2' });
    expect(reused.status).toBe(400);
    expect(reused.body.non_field_errors[0]).toMatch(/Idempotency-Key "k-2" was already used for a different request/);
  });

  it('forgets a key after 24 hours', async () => {
    const body = employeeBody();
    const first = await call('POST', 'employees/', body, { 'idempotency-key': 'k-3' });
    sandbox.control.advanceClock(24 * 3600 * 1000 + 1);
    const later = await call('POST', 'employees/', body, { 'idempotency-key': 'k-3' });
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
  });
});

describe('controls over HTTP', () => {
  it('serves the control index and advances the clock', async () => {
    const index = await fetch(`${sandbox.origin}/_sandbox/`).then((r) => r.json());
    expect(index.integrationId).toBe(sandbox.integrationId);
    const before = await fetch(`${sandbox.origin}/_sandbox/clock`).then((r) => r.json());
    const after = await fetch(`${sandbox.origin}/_sandbox/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hours: 2 }) }).then((r) => r.json());
    expect(after.offset_ms - before.offset_ms).toBe(2 * 3600 * 1000);
    expect(Date.parse(after.now) - Date.parse(before.now)).toBeGreaterThanOrEqual(2 * 3600 * 1000);
  });

  it('fails the same way in code and over HTTP (one control object serves both)', async () => {
    const http = await fetch(`${sandbox.origin}/_sandbox/payruns/x/pay`, { method: 'POST', headers: { 'integration-id': 'no-such', 'content-type': 'application/json' } });
    expect(http.status).toBe(404);
    const { detail } = await http.json();
    expect(detail).toBe('No integration "no-such" in this sandbox.');
    const thrown = (() => {
      try {
        sandbox.control.payPayrun('x', 'no-such');
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toBe(detail);
    const faults = await fetch(`${sandbox.origin}/_sandbox/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ errorRate: 2 }) });
    expect(faults.status).toBe(400);
    expect(() => sandbox.control.setFaults({ errorRate: 2 })).toThrow((await faults.json()).detail);
  });
});
