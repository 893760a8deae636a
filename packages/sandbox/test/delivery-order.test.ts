/**
 * Deliveries to one URL go one at a time, in the order of their events: a later event is not sent
 * until the earlier one was acknowledged (2xx) or ran out of attempts, whichever webhook (of
 * whichever integration) sends it. Checked with a real receiver that answers slowly and fails.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, employeeBody, startForFile } from './helpers.js';

interface Answer {
  delayMs: number;
  status: number;
}

let receiver: Server;
let receiverUrl: string;
/** Answers for requests to `/hooks/`, one per request in arrival order; then (and elsewhere) a quick 200. */
let script: Answer[] = [];
/** The requests answered 2xx, in the order they were answered. */
let acknowledged: Array<{ path: string; id: string; notified: boolean }> = [];
const open = new Map<string, number>();
/** The most requests that were open at once on one path. */
let mostOpen = 0;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const path = req.url ?? '';
    open.set(path, (open.get(path) ?? 0) + 1);
    mostOpen = Math.max(mostOpen, open.get(path)!);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { delayMs, status } = (path === '/hooks/' && script.shift()) || { delayMs: 0, status: 200 };
      setTimeout(() => {
        open.set(path, open.get(path)! - 1);
        if (status < 300) {
          const body = JSON.parse(Buffer.concat(chunks).toString());
          acknowledged.push({ path, id: body.id, notified: body.notified_at !== null });
        }
        res.writeHead(status).end();
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/`;
});
afterAll(() => new Promise((resolve) => receiver.close(resolve)));

const { sandbox, call } = await startForFile({ webhooks: { retryDelayMs: 20 } });

beforeEach(() => {
  sandbox.control.reset();
  script = [];
  acknowledged = [];
  mostOpen = 0;
});

describe('deliveries to one URL', () => {
  it('two webhooks on one URL: a later event waits for the retries of an earlier one', async () => {
    await call('POST', 'webhooks/', { url: receiverUrl, events: ['Employee.created'] });
    await call('POST', 'webhooks/', { url: receiverUrl, events: ['Employee.notified'] });
    script = [{ delayMs: 200, status: 503 }];
    const employee = (await call('POST', 'employees/', employeeBody())).body;
    sandbox.control.notifyEmployee(employee.id);
    const log = await sandbox.control.waitForDeliveries();
    expect(log.map((d) => [d.event, d.attempts.map((a) => a.status)])).toEqual([
      ['Employee.created', [503, 200]],
      ['Employee.notified', [200]],
    ]);
    expect(acknowledged).toEqual([
      { path: '/hooks/', id: employee.id, notified: false },
      { path: '/hooks/', id: employee.id, notified: true },
    ]);
    expect(mostOpen).toBe(1);
  });

  it('a webhook whose id changes keeps the order of what it queued before and after', async () => {
    const hook = (await call('POST', 'webhooks/', { url: receiverUrl, events: ['Employee.created'] })).body;
    script = [{ delayMs: 200, status: 503 }];
    const first = (await call('POST', 'employees/', employeeBody())).body;
    expect((await call('PATCH', `webhooks/${hook.id}/`, { id: 'renamed-hook' })).status).toBe(200);
    const second = (await call('POST', 'employees/', employeeBody())).body;
    await sandbox.control.waitForDeliveries();
    expect(acknowledged.map((a) => a.id)).toEqual([first.id, second.id]);
    expect(mostOpen).toBe(1);
  });

  it('two integrations on one URL share the order too; another URL does not wait', async () => {
    const other = sandbox.control.createAccount();
    const callOther = api({ url: sandbox.url, ...other });
    await call('POST', 'webhooks/', { url: receiverUrl, events: ['Employee.created'] });
    await call('POST', 'webhooks/', { url: `${receiverUrl}elsewhere/`, events: ['Employee.created'] });
    await callOther('POST', 'webhooks/', { url: receiverUrl, events: ['Employee.created'] });
    script = [{ delayMs: 300, status: 200 }];
    const mine = (await call('POST', 'employees/', employeeBody())).body;
    const theirs = (await callOther('POST', 'employees/', employeeBody())).body;
    await sandbox.control.waitForDeliveries();
    // The slow answer to my event held back their event to the same URL, not mine to another URL.
    expect(acknowledged.map((a) => [a.path, a.id])).toEqual([
      ['/hooks/elsewhere/', mine.id],
      ['/hooks/', mine.id],
      ['/hooks/', theirs.id],
    ]);
    expect(mostOpen).toBe(1);
  });
});
