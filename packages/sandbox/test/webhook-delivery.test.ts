import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, employeeBody, payoutBody, start, type Call } from './helpers.js';

interface Received {
  path: string;
  signature: string;
  body: string;
}

let sandbox: Awaited<ReturnType<typeof start>>;
let call: Call;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
let failuresLeft = 0;

/** Independent of the sandbox's signer: node:crypto directly, per the documented scheme. */
function verify(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (failuresLeft > 0) {
        failuresLeft--;
        res.writeHead(503).end();
        return;
      }
      received.push({ path: req.url ?? '', signature: String(req.headers['gigapay-signature']), body });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  sandbox = await start({ webhooks: { retryDelayMs: 10 } });
  call = api(sandbox);
});
afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => receiver.close(resolve));
});

describe('webhook delivery', () => {
  it('POSTs every subscribed event with the object as body and a valid Gigapay-Signature', async () => {
    const hook = (await call('POST', 'webhooks/', {
      url: `${receiverUrl}/all/`,
      events: ['Employee.created', 'Employee.notified', 'Employee.claimed', 'Employee.verified', 'Payrun.created', 'Payrun.paid', 'Payout.created', 'Payout.notified', 'Payout.accepted'],
      secret_key: 'c1329a085d65f7757838df5920fdcc9a',
    })).body;
    const employee = (await call('POST', 'employees/', employeeBody())).body;
    sandbox.control.verifyEmployee(employee.id);
    const payout = (await call('POST', 'payouts/', payoutBody(employee.id))).body;
    sandbox.control.payPayrun(payout.payrun);
    sandbox.control.acceptPayout(payout.id);
    const log = await sandbox.control.waitForDeliveries({ webhookId: hook.id });
    expect(log.map((d) => d.event)).toEqual([
      'Employee.created', 'Employee.notified', 'Employee.claimed', 'Employee.verified',
      'Payrun.created', 'Payout.created', 'Payrun.paid', 'Payout.notified', 'Payout.accepted',
    ]);
    expect(log.every((d) => d.state === 'delivered')).toBe(true);
    expect(received).toHaveLength(9);
    for (const delivery of received) {
      expect(delivery.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verify('c1329a085d65f7757838df5920fdcc9a', delivery.signature, delivery.body)).toBe(true);
      expect(verify('wrong-secret', delivery.signature, delivery.body)).toBe(false);
    }
    const accepted = JSON.parse(received.at(-1)!.body);
    expect(accepted).toMatchObject({ id: payout.id, employee: employee.id, payrun: payout.payrun });
    expect(accepted.accepted_at).not.toBeNull();
    const verified = JSON.parse(received[3]!.body);
    expect(verified.verified_at).not.toBeNull();
  });

  it('only sends subscribed events, and retries a failing receiver', async () => {
    received.length = 0;
    sandbox.control.clearDeliveries();
    const hook = (await call('POST', 'webhooks/', { url: `${receiverUrl}/payouts/`, events: ['Payout.created'] })).body;
    await call('DELETE', `webhooks/${(await call('GET', 'webhooks/')).body.results[0].id}/`);
    failuresLeft = 2;
    const employee = (await call('POST', 'employees/', employeeBody())).body;
    await call('POST', 'payouts/', payoutBody(employee.id));
    const log = await sandbox.control.waitForDeliveries();
    expect(log).toHaveLength(1);
    expect(log[0]!.attempts.map((a) => a.status)).toEqual([503, 503, 200]);
    expect(log[0]!.state).toBe('delivered');
    expect(received).toHaveLength(1);
    expect(verify(hook.secret_key, received[0]!.signature, received[0]!.body)).toBe(true);
  });

  it('gives up after the last attempt and says so in the delivery log (also over HTTP)', async () => {
    sandbox.control.clearDeliveries();
    await call('POST', 'webhooks/', { url: 'http://127.0.0.1:1/closed/', events: ['Employee.created'] });
    await call('POST', 'employees/', employeeBody());
    const response = await fetch(`${sandbox.origin}/_sandbox/webhook-deliveries?wait=true&event=Employee.created`).then((r) => r.json());
    expect(response.count).toBe(1);
    expect(response.results[0].state).toBe('failed');
    expect(response.results[0].attempts).toHaveLength(3);
    expect(response.results[0].attempts[0].error).toMatch(/fetch failed|ECONNREFUSED/);
  });
});
