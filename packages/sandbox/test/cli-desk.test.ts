/**
 * The installed bin (the built dist/, run as package.json's `bin` names it) at the developer's
 * desk: a line per request and per webhook delivery attempt (none with `--quiet`), and `--cors`.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const manifest = (await import('../package.json', { with: { type: 'json' } })).default as { bin: Record<string, string> };
const bin = fileURLToPath(new URL(`../${manifest.bin['gigapay-sandbox']}`, import.meta.url));

interface Running {
  child: ChildProcess;
  url: string;
  origin: string;
  token: string;
  integrationId: string;
  /** Everything printed after the startup banner. */
  logLines: () => string[];
}

const children: ChildProcess[] = [];
afterAll(() => children.forEach((child) => child.kill()));

async function startBin(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [bin, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    child.stdout!.on('data', () => /\/_sandbox\/\n/.test(out) && resolve());
  });
  const banner = out.slice(0, out.indexOf('/_sandbox/\n') + '/_sandbox/\n'.length);
  return {
    child,
    url: /listening on (\S+)/.exec(banner)![1]!,
    origin: /Controls .*: (\S+)\/_sandbox\//.exec(banner)![1]!,
    token: /Authorization: +Token (\S+)/.exec(banner)![1]!,
    integrationId: /Integration-ID: +(\S+)/.exec(banner)![1]!,
    logLines: () => out.slice(banner.length).split('\n').filter((line) => line !== '' && !line.startsWith('CORS for')),
  };
}

/** Waits until the bin has printed `count` log lines (or gives up after 5 s and shows what it has). */
async function lines(running: Running, count: number): Promise<string[]> {
  const until = Date.now() + 5000;
  while (running.logLines().length < count && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  return running.logLines();
}

let receiver: Server;
let hookUrl: string;
let failuresLeft = 0;
beforeAll(async () => {
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(failuresLeft-- > 0 ? 503 : 200).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook/`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

/** A webhook, then the same employee twice under one key: 4 requests, and one delivery retried once. */
async function exercise(running: Running) {
  const headers = { authorization: `Token ${running.token}`, 'integration-id': running.integrationId, 'content-type': 'application/json' };
  const post = (path: string, body: unknown, extra: Record<string, string> = {}) => fetch(`${running.url}${path}`, { method: 'POST', headers: { ...headers, ...extra }, body: JSON.stringify(body) });
  expect((await post('webhooks/', { url: hookUrl, events: ['Employee.created'] })).status).toBe(201);
  failuresLeft = 1;
  const employee = { name: 'Private Person', email: 'private.person@example.com', country: 'SWE' };
  expect((await post('employees/', employee, { 'idempotency-key': 'cli-1' })).status).toBe(201);
  expect((await post('employees/', employee, { 'idempotency-key': 'cli-1' })).headers.get('idempotent-replayed')).toBe('true');
  expect((await fetch(`${running.url}employees/?search=Private`, { headers })).status).toBe(200);
  expect((await fetch(`${running.origin}/_sandbox/webhook-deliveries?wait=true`)).status).toBe(200);
  return employee;
}

describe('the request and delivery log', () => {
  it('one line per request (method, path, status, ms, replayed) and per delivery attempt (event, URL, status or error, attempt)', async () => {
    const running = await startBin([]);
    const employee = await exercise(running);
    const printed = await lines(running, 7);
    const requests = printed.filter((line) => !line.startsWith('webhook '));
    expect(requests.map((line) => line.replace(/ \d+ms/, ' Nms'))).toEqual([
      'POST /v2/webhooks/ 201 Nms',
      'POST /v2/employees/ 201 Nms',
      'POST /v2/employees/ 201 Nms (replayed)',
      'GET /v2/employees/ 200 Nms',
      'GET /_sandbox/webhook-deliveries 200 Nms',
    ]);
    expect(printed.filter((line) => line.startsWith('webhook '))).toEqual([
      `webhook Employee.created -> ${hookUrl} failed: receiver answered 503 (attempt 1/3, retrying)`,
      `webhook Employee.created -> ${hookUrl} 200 (attempt 2/3)`,
    ]);
    const log = printed.join('\n');
    for (const secret of [running.token, running.integrationId, employee.name, employee.email]) expect(log).not.toContain(secret);
  });

  it('--quiet prints none of it', async () => {
    const running = await startBin(['--quiet']);
    await exercise(running);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(running.logLines()).toEqual([]);
  });
});

describe('--cors', () => {
  it('answers the preflight and the request for the listed origins only, never the controls', async () => {
    const running = await startBin(['--quiet', '--cors', 'http://localhost:5173', '--cors', 'http://127.0.0.1:8080']);
    const preflight = (origin: string, url = `${running.url}employees/`) =>
      fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,integration-id,content-type' } });
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:8080']) {
      const answer = await preflight(origin);
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    }
    const actual = await fetch(`${running.url}employees/`, { headers: { authorization: `Token ${running.token}`, 'integration-id': running.integrationId, origin: 'http://localhost:5173' } });
    expect(actual.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const unlisted = await preflight('http://localhost:3000');
    expect(unlisted.status).toBe(401);
    expect(unlisted.headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight('http://localhost:5173', `${running.origin}/_sandbox/reset`)).headers.get('access-control-allow-origin')).toBeNull();
  });

  for (const origin of ['*', 'http://localhost:5173/', 'localhost:5173']) {
    it(`--cors ${origin}: prints why and the usage, exits 2`, async () => {
      const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        execFile(process.execPath, [bin, '--cors', origin], { timeout: 10_000 }, (error, _stdout, stderr) => resolve({ code: error ? ((error.code as number) ?? null) : 0, stderr }));
      });
      expect(code).toBe(2);
      expect(stderr).toContain('is not an origin');
      expect(stderr).toMatch(/--cors <origin>/);
    });
  }
});
