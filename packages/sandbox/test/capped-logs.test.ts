/**
 * The webhook delivery log and the fault log keep at most `logSize` entries each: the oldest go
 * first, and how many went is counted and shown wherever the log is read.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../src/index.js';
import { employeeBody, startForFile } from './helpers.js';

let receiver: Server;
let receiverUrl: string;
beforeAll(async () => {
  receiver = createServer((req, res) => req.resume().on('end', () => res.end('ok')));
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook/`;
});
afterAll(() => new Promise((resolve) => receiver.close(resolve)));

const { sandbox, call } = await startForFile({ logSize: 3 });

describe('capped logs', () => {
  it('keeps the newest logSize deliveries and counts the dropped ones (control and HTTP)', async () => {
    await call('POST', 'webhooks/', { url: receiverUrl, events: ['Employee.created'] });
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await call('POST', 'employees/', employeeBody())).body.id);
    const log = await sandbox.control.waitForDeliveries();
    expect(log.map((d) => JSON.parse(d.body).id)).toEqual(created.slice(2));
    expect(log.map((d) => d.id)).toEqual([3, 4, 5]);
    expect(log.every((d) => d.state === 'delivered')).toBe(true);
    expect(sandbox.control.droppedDeliveries()).toBe(2);
    const listed = await fetch(`${sandbox.origin}/_sandbox/webhook-deliveries`).then((r) => r.json());
    expect(listed).toMatchObject({ count: 3, dropped: 2 });
    expect(listed.results.map((d: { id: number }) => d.id)).toEqual([3, 4, 5]);
  });

  it('starts counting again after clearDeliveries and reset', async () => {
    sandbox.control.clearDeliveries();
    expect(sandbox.control.droppedDeliveries()).toBe(0);
    expect(await fetch(`${sandbox.origin}/_sandbox/webhook-deliveries`).then((r) => r.json())).toEqual({ count: 0, dropped: 0, results: [] });
    sandbox.control.reset();
    expect(sandbox.control.droppedDeliveries()).toBe(0);
  });

  it('keeps the newest logSize injected faults and counts the dropped ones (control and HTTP)', async () => {
    sandbox.control.setFaults({ queue: ['error', 'error', 'error', 'error', 'rateLimit'], operations: ['listWebhooks'] });
    for (let i = 0; i < 5; i++) await call('GET', 'webhooks/');
    const { injected, droppedInjected } = sandbox.control.faults();
    expect(injected.map((fault) => [fault.n, fault.kind])).toEqual([[3, 'error'], [4, 'error'], [5, 'rateLimit']]);
    expect(droppedInjected).toBe(2);
    const listed = await fetch(`${sandbox.origin}/_sandbox/faults`).then((r) => r.json());
    expect(listed.injected).toHaveLength(3);
    expect(listed.droppedInjected).toBe(2);
    sandbox.control.setFaults({});
    expect(sandbox.control.faults()).toMatchObject({ injected: [], droppedInjected: 0 });
  });

  it('defaults to 1000 entries and refuses a size that is not a non-negative integer', async () => {
    const inProcess = createSandbox({ faults: { queue: Array(1005).fill('error'), operations: ['listWebhooks'] } });
    const headers = { authorization: `Token ${inProcess.token}`, 'integration-id': inProcess.integrationId };
    for (let i = 0; i < 1005; i++) await inProcess.fetch(new Request(`${inProcess.url}webhooks/`, { headers }));
    expect(inProcess.control.faults()).toMatchObject({ droppedInjected: 5 });
    expect(inProcess.control.faults().injected).toHaveLength(1000);
    for (const logSize of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createSandbox({ logSize })).toThrow(/logSize must be a non-negative integer/);
    }
  });
});
