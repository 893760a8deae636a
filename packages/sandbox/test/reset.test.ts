import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../src/index.js';
import { api, employeeBody, start, type Call } from './helpers.js';

let sandbox: Awaited<ReturnType<typeof start>>;
let call: Call;
/** A receiver that never answers: a delivery to it stays in flight until its timeout. */
let silent: Server;
let silentUrl: string;
const held: IncomingMessage[] = [];

beforeAll(async () => {
  silent = createServer((request) => held.push(request));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook/`;
  sandbox = await start({ webhooks: { attempts: 3, retryDelayMs: 10, timeoutMs: 10_000 } });
  call = api(sandbox);
});
afterAll(async () => {
  await sandbox.close();
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
});

describe('reset', () => {
  it('forgets idempotency keys: an old key makes a new object instead of replaying a deleted one', async () => {
    const body = employeeBody();
    const first = await call('POST', 'employees/', body, { 'idempotency-key': 'before-reset' });
    expect(first.status).toBe(201);
    sandbox.control.reset();
    const again = await call('POST', 'employees/', body, { 'idempotency-key': 'before-reset' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect((await call('GET', `employees/${again.body.id}/`)).status).toBe(200);
    expect((await call('GET', 'employees/')).body.count).toBe(1);
  });

  it('goes back to the fault settings the sandbox started with', async () => {
    const inProcess = createSandbox({ faults: { queue: ['rateLimit'], operations: ['listWebhooks'] } });
    const list = () =>
      inProcess.fetch(new Request(`${inProcess.url}webhooks/`, { headers: { authorization: `Token ${inProcess.token}`, 'integration-id': inProcess.integrationId } }));
    expect((await list()).status).toBe(429);
    inProcess.control.setFaults({ errorRate: 1 });
    inProcess.control.reset();
    expect(inProcess.control.faults()).toEqual({ config: { queue: ['rateLimit'], operations: ['listWebhooks'], pendingQueue: ['rateLimit'] }, injected: [], droppedInjected: 0 });
    expect((await list()).status).toBe(429);
    expect((await list()).status).toBe(200);
  });

  it('abandons pending deliveries and restarts the delivery log', async () => {
    await call('POST', 'webhooks/', { url: silentUrl, events: ['Employee.created'] });
    await call('POST', 'employees/', employeeBody());
    while (held.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sandbox.control.deliveries()).toHaveLength(1);
    const closed = new Promise((resolve) => held[0]!.socket.once('close', resolve));
    sandbox.control.reset();
    // The held delivery never answers: a reset that kept it would make waitForDeliveries wait at
    // least for its attempt's timeout (5 s by default), then for retries. Settling without any I/O
    // to wait for, it wins this race however busy the machine is.
    const attemptTimedOut = new Promise((resolve) => setTimeout(resolve, 5_000, 'still waiting for the abandoned delivery').unref());
    expect(await Promise.race([sandbox.control.waitForDeliveries(), attemptTimedOut])).toEqual([]);
    await closed; // the open request was aborted…
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(held).toHaveLength(1); // …and not retried
    await call('POST', 'webhooks/', { url: 'http://127.0.0.1:1/closed/', events: ['Employee.created'] });
    await call('POST', 'employees/', employeeBody());
    expect(sandbox.control.deliveries().map((d) => d.id)).toEqual([1]);
  });

  it('puts the clock back to wall-clock time', () => {
    sandbox.control.advanceClock(3 * 24 * 3600 * 1000);
    sandbox.control.reset();
    expect(Math.abs(Date.parse(sandbox.control.now()) - Date.now())).toBeLessThan(60_000);
  });

  it('does the same over HTTP', async () => {
    await call('POST', 'employees/', employeeBody(), { 'idempotency-key': 'http-reset' });
    sandbox.control.setFaults({ queue: ['error'] });
    const reset = await fetch(`${sandbox.origin}/_sandbox/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(reset.status).toBe(200);
    const again = await call('POST', 'employees/', employeeBody(), { 'idempotency-key': 'http-reset' });
    expect(again.status).toBe(201);
    expect((await call('GET', 'employees/')).body.count).toBe(1);
  });
});
