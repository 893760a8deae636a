// The `onRequest` and `onDelivery` listeners (what the CLI prints): one entry per answered request
// and per delivery attempt, nothing secret in them, and a listener that throws changes nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryLine, requestLine, type DeliveryLogEntry, type RequestLogEntry } from '../src/internal/activity.js';
import { createSandbox } from '../src/index.js';
import { api, employeeBody, start } from './helpers.js';

let receiver: Server;
let receiverUrl: string;
/** Statuses the receiver answers, in turn; 200 once they are used up. */
let script: number[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(script.shift() ?? 200).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

describe('onRequest', () => {
  it('one entry per request: method, path without query, status, time, and whether the key was replayed', async () => {
    const entries: RequestLogEntry[] = [];
    const sandbox = await start({ onRequest: (entry) => entries.push(entry) });
    try {
      const call = api(sandbox);
      const body = employeeBody({ name: 'Secret Name' });
      expect((await call('POST', 'employees/', body, { 'idempotency-key': 'k1' })).status).toBe(201);
      expect((await call('POST', 'employees/', body, { 'idempotency-key': 'k1' })).headers.get('idempotent-replayed')).toBe('true');
      expect((await call('GET', 'employees/?search=Secret')).status).toBe(200);
      await fetch(`${sandbox.origin}/_sandbox/clock`);
      expect(entries.map(({ durationMs: _, ...rest }) => rest)).toEqual([
        { method: 'POST', path: '/v2/employees/', status: 201, replayed: false },
        { method: 'POST', path: '/v2/employees/', status: 201, replayed: true },
        { method: 'GET', path: '/v2/employees/', status: 200, replayed: false },
        { method: 'GET', path: '/_sandbox/clock', status: 200, replayed: false },
      ]);
      for (const { durationMs } of entries) expect(durationMs).toBeGreaterThanOrEqual(0);
      const told = JSON.stringify(entries);
      for (const secret of [sandbox.token, sandbox.integrationId, 'Secret Name', body.email]) expect(told).not.toContain(secret);
    } finally {
      await sandbox.close();
    }
  });

  it('a dropped connection is told as such (status null), over HTTP and in-process', async () => {
    const entries: RequestLogEntry[] = [];
    const sandbox = await start({ onRequest: (entry) => entries.push(entry), faults: { queue: ['drop'] } });
    try {
      await expect(api(sandbox)('POST', 'employees/', employeeBody())).rejects.toThrow();
      expect(entries).toMatchObject([{ method: 'POST', path: '/v2/employees/', status: null }]);
    } finally {
      await sandbox.close();
    }
    const inProcess: RequestLogEntry[] = [];
    const local = createSandbox({ onRequest: (entry) => inProcess.push(entry), faults: { queue: ['drop'] } });
    const request = new Request(`${local.url}employees/`, { method: 'POST', headers: { authorization: `Token ${local.token}`, 'integration-id': local.integrationId, 'content-type': 'application/json' }, body: JSON.stringify(employeeBody()) });
    await expect(local.fetch(request)).rejects.toThrow(/dropped/);
    expect(inProcess).toMatchObject([{ status: null }]);
  });

  it('a listener that throws changes no answer: the write commits once and is replayed', async () => {
    let calls = 0;
    const sandbox = createSandbox({
      onRequest: () => {
        calls++;
        throw new Error('the listener broke');
      },
    });
    const post = () =>
      sandbox.fetch(new Request(`${sandbox.url}employees/`, { method: 'POST', headers: { authorization: `Token ${sandbox.token}`, 'integration-id': sandbox.integrationId, 'content-type': 'application/json', 'idempotency-key': 'same' }, body: JSON.stringify(employeeBody({ email: 'one@example.com' })) }));
    const first = await post();
    expect(first.status).toBe(201);
    const retry = await post();
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    expect(calls).toBe(2);
    const list = await sandbox.fetch(new Request(`${sandbox.url}employees/`, { headers: { authorization: `Token ${sandbox.token}`, 'integration-id': sandbox.integrationId } }));
    expect((await list.json()).count).toBe(1);
  });
});

describe('onDelivery', () => {
  const hookUp = async (onDelivery: (entry: DeliveryLogEntry) => void) => {
    const sandbox = createSandbox({ onDelivery, webhooks: { attempts: 3, retryDelayMs: 5 } });
    const send = (path: string, body: unknown) =>
      sandbox.fetch(new Request(`${sandbox.url}${path}`, { method: 'POST', headers: { authorization: `Token ${sandbox.token}`, 'integration-id': sandbox.integrationId, 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    expect((await send('webhooks/', { url: `${receiverUrl}/hook/`, events: ['Employee.created'] })).status).toBe(201);
    return { sandbox, send };
  };

  it('one entry per attempt: event, URL, status or error, attempt number, what follows', async () => {
    const entries: DeliveryLogEntry[] = [];
    const { sandbox, send } = await hookUp((entry) => entries.push(entry));
    script = [503];
    expect((await send('employees/', employeeBody())).status).toBe(201);
    await sandbox.control.waitForDeliveries();
    expect(entries.map(({ durationMs: _, ...rest }) => rest)).toEqual([
      { event: 'Employee.created', url: `${receiverUrl}/hook/`, attempt: 1, attempts: 3, status: 503, error: 'receiver answered 503', outcome: 'retrying' },
      { event: 'Employee.created', url: `${receiverUrl}/hook/`, attempt: 2, attempts: 3, status: 200, error: null, outcome: 'delivered' },
    ]);
    await sandbox.close();
  });

  it('a listener that throws stops no delivery and no retry', async () => {
    let calls = 0;
    const { sandbox, send } = await hookUp(() => {
      calls++;
      throw new Error('the listener broke');
    });
    script = [500, 500];
    expect((await send('employees/', employeeBody())).status).toBe(201);
    await sandbox.control.waitForDeliveries();
    const [delivery] = sandbox.control.deliveries();
    expect(delivery!.state).toBe('delivered');
    expect(delivery!.attempts.map((attempt) => attempt.status)).toEqual([500, 500, 200]);
    expect(calls).toBe(3);
    await sandbox.close();
  });
});

describe('the lines the CLI prints', () => {
  it('a request: method, path, status, whole milliseconds, and "(replayed)" or "dropped"', () => {
    expect(requestLine({ method: 'POST', path: '/v2/payouts/', status: 201, durationMs: 12.4, replayed: false })).toBe('POST /v2/payouts/ 201 12ms');
    expect(requestLine({ method: 'POST', path: '/v2/payouts/', status: 201, durationMs: 0.3, replayed: true })).toBe('POST /v2/payouts/ 201 0ms (replayed)');
    expect(requestLine({ method: 'POST', path: '/v2/payouts/', status: null, durationMs: 3, replayed: false })).toBe('POST /v2/payouts/ dropped 3ms');
  });

  it('a delivery attempt: event, URL without its credentials, status or error, attempt and what follows', () => {
    const base = { event: 'Payout.created', url: 'https://user:pass@example.com/hook?x=1', attempts: 3, durationMs: 4 };
    expect(deliveryLine({ ...base, attempt: 1, status: 200, error: null, outcome: 'delivered' })).toBe('webhook Payout.created -> https://example.com/hook?x=1 200 (attempt 1/3)');
    expect(deliveryLine({ ...base, attempt: 2, status: 503, error: 'receiver answered 503', outcome: 'retrying' })).toBe('webhook Payout.created -> https://example.com/hook?x=1 failed: receiver answered 503 (attempt 2/3, retrying)');
    expect(deliveryLine({ ...base, attempt: 3, status: null, error: 'TypeError: fetch failed', outcome: 'failed' })).toBe('webhook Payout.created -> https://example.com/hook?x=1 failed: TypeError: fetch failed (attempt 3/3, giving up)');
  });
});
