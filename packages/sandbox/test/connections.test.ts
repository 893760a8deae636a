/**
 * The server's connection timeouts, seen from a raw socket: a client that sends nothing, half a
 * request or half a body, or idles on a kept-alive connection, is disconnected after the time the
 * `timeouts` option sets; and a client that hangs up mid-upload is its own doing, not a sandbox bug.
 */
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index.js';
import { employeeBody, startForFile } from './helpers.js';

const TIMEOUTS = { headersMs: 300, requestMs: 600, keepAliveMs: 300 };
// Closed by these timeouts, not by Node's own (headers 60 s, request 300 s): the upper bound leaves
// a busy machine 10 s to fire a timer. Node's keep-alive default is 5 s, so that one is bounded by it.
const LATE_MS = 10_000;
const NODE_KEEP_ALIVE_MS = 5_000;
const { sandbox, call } = await startForFile({ timeouts: TIMEOUTS });

/** A raw connection to the sandbox, with everything it received and when it was closed. */
async function rawSocket(): Promise<{ socket: Socket; received: () => string; closed: Promise<number> }> {
  const socket = connect(sandbox.port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  const opened = Date.now();
  let text = '';
  socket.on('data', (chunk) => (text += chunk));
  socket.on('error', () => undefined);
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - opened)));
  return { socket, received: () => text, closed };
}

const HEAD = (length: number) =>
  `POST /v2/employees/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token ${sandbox.token}\r\nIntegration-ID: ${sandbox.integrationId}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

/** Waits a little for anything the sandbox would log about the connection. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('connection timeouts', () => {
  for (const [what, sent] of [
    ['nothing', ''],
    ['half its headers', 'GET /v2/employees/ HTTP/1.1\r\nHost: 127.0.0.1\r\n'],
  ] as const) {
    it(`answers 408 and disconnects a client that sends ${what}, after timeouts.headersMs`, async () => {
      const { socket, received, closed } = await rawSocket();
      socket.write(sent);
      const after = await closed;
      expect(after).toBeGreaterThanOrEqual(TIMEOUTS.headersMs - 50);
      expect(after).toBeLessThan(TIMEOUTS.headersMs + LATE_MS);
      expect(received()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
      expect(received()).toContain('"detail":"The request was not received in time');
    });
  }

  it('answers 408 and disconnects a client that stops halfway through its body after timeouts.requestMs, and logs no sandbox bug', async () => {
    const { socket, received, closed } = await rawSocket();
    const body = JSON.stringify(employeeBody());
    socket.write(HEAD(body.length) + body.slice(0, 10));
    const after = await closed;
    expect(received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(after).toBeGreaterThanOrEqual(TIMEOUTS.requestMs - 50);
    expect(after).toBeLessThan(TIMEOUTS.requestMs + LATE_MS);
    await settle();
    expect(sandbox.violations).toEqual([]);
  });

  it('closes a kept-alive connection that idles for timeouts.keepAliveMs after its answer', async () => {
    const { socket, received, closed } = await rawSocket();
    socket.write(`GET /_sandbox/clock HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    const after = await closed;
    expect(received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(after).toBeGreaterThanOrEqual(TIMEOUTS.keepAliveMs - 50);
    expect(after).toBeLessThan(NODE_KEEP_ALIVE_MS);
  });
});

describe('the timeouts option', () => {
  it('refuses a timeout that is not a positive integer, or headers allowed longer than the request', async () => {
    await expect(startSandbox({ timeouts: { headersMs: 0 } })).rejects.toThrow(/timeouts.headersMs must be a positive integer/);
    await expect(startSandbox({ timeouts: { keepAliveMs: 1.5 } })).rejects.toThrow(/timeouts.keepAliveMs must be a positive integer/);
    await expect(startSandbox({ timeouts: { headersMs: 20_000, requestMs: 10_000 } })).rejects.toThrow(/must not exceed timeouts.requestMs/);
  });
});

describe('a client that hangs up mid-upload', () => {
  it('is not logged as a sandbox bug, stores nothing, and the sandbox keeps answering', async () => {
    const before = sandbox.control.snapshot();
    for (const path of ['/v2/employees/', '/_sandbox/clock/advance']) {
      const { socket, closed } = await rawSocket();
      const body = JSON.stringify(employeeBody());
      socket.write(HEAD(body.length).replace('/v2/employees/', path) + body.slice(0, 20), () => setTimeout(() => socket.destroy(), 50));
      await closed;
    }
    await settle();
    expect(sandbox.violations).toEqual([]);
    expect(sandbox.control.snapshot()).toBe(before);
    expect((await call('POST', 'employees/', employeeBody())).status).toBe(201);
  });
});
