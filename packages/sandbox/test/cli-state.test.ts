/**
 * `--state <file>` through the installed bin (the built dist/): state survives a restart, and a
 * file it cannot use stops it with one line and exit code 2, never a silent fresh start.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { employeeBody, payoutBody } from './helpers.js';

const bin = fileURLToPath(new URL('../bin/gigapay-sandbox.js', import.meta.url));

interface Running {
  child: ChildProcess;
  url: string;
  origin: string;
  token: string;
  integrationId: string;
}

const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

/** Starts the bin and reads the URL and credentials it prints. */
function start(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [bin, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const url = /listening on (\S+)/.exec(out)?.[1];
      const token = /Authorization:\s+Token (\S+)/.exec(out)?.[1];
      const integrationId = /Integration-ID: (\S+)/.exec(out)?.[1];
      if (url && token && integrationId && /Controls/.test(out)) resolve({ child, url, origin: new URL(url).origin, token, integrationId });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
}

/** Ends the bin as a terminal would (SIGINT or SIGTERM), and waits for it to exit. */
async function stop(sandbox: Running, signal: NodeJS.Signals): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => sandbox.child.once('exit', (code) => resolve(code)));
  sandbox.child.kill(signal);
  const code = await exited;
  running.delete(sandbox.child);
  return code;
}

const call = (sandbox: Running, method: string, path: string, body?: unknown, key?: string) =>
  fetch(`${sandbox.url}${path}`, {
    method,
    headers: {
      authorization: `Token ${sandbox.token}`,
      'integration-id': sandbox.integrationId,
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const run = (args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, '--port', '0', ...args], { timeout: 10_000 }, (error, stdout, stderr) => resolve({ code: error ? ((error.code as number) ?? null) : 0, stdout, stderr }));
  });

describe('--state <file>', () => {
  it('a restart keeps the credentials, an employee, a payout, the idempotency keys and the clock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
    const file = join(dir, 'state.json');
    const first = await start(['--state', file]);
    const employee = (await (await call(first, 'POST', 'employees/', employeeBody(), 'key-employee')).json()) as { id: string };
    const payoutResponse = await call(first, 'POST', 'payouts/', payoutBody(employee.id), 'key-payout');
    expect(payoutResponse.status).toBe(201);
    const payout = (await payoutResponse.json()) as { id: string; payrun: string };
    await fetch(`${first.origin}/_sandbox/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hours: 2 }) });
    const clock = (await (await fetch(`${first.origin}/_sandbox/clock`)).json()) as { offset_ms: number };
    expect(await stop(first, 'SIGTERM')).toBe(0);
    // Written atomically: no temporary file is left beside it.
    expect(readdirSync(dir)).toEqual(['state.json']);

    const second = await start(['--state', file]);
    expect([second.token, second.integrationId]).toEqual([first.token, first.integrationId]);
    expect((await call(second, 'GET', `employees/${employee.id}/`)).status).toBe(200);
    const kept = (await (await call(second, 'GET', `payouts/${payout.id}/`)).json()) as { payrun: string };
    expect(kept.payrun).toBe(payout.payrun);
    const replayed = await call(second, 'POST', 'payouts/', payoutBody(employee.id), 'key-payout');
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(((await replayed.json()) as { id: string }).id).toBe(payout.id);
    expect(((await (await call(second, 'GET', 'payouts/')).json()) as { count: number }).count).toBe(1);
    expect(((await (await fetch(`${second.origin}/_sandbox/clock`)).json()) as { offset_ms: number }).offset_ms).toBe(clock.offset_ms);
    // A change made just before a hard kill is on disk too: saved after each commit, not only on exit.
    const late = (await (await call(second, 'POST', 'employees/', employeeBody())).json()) as { id: string };
    second.child.kill('SIGKILL');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { version: number; records: { data: Record<string, { employees: [string][] }> } };
    expect(saved.version).toBe(1);
    expect(saved.records.data[first.integrationId]!.employees.map(([key]) => key)).toContain(late.id);
  }, 30_000);

  it('a missing file is a fresh start, and is created', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sandbox-state-')), 'new.json');
    const sandbox = await start(['--state', file]);
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
    await stop(sandbox, 'SIGINT');
  }, 20_000);

  for (const [label, content] of [
    ['not JSON', '{"version": 1, "accounts": ['],
    ['an unknown format version', '{"version": 99}'],
    ['a version 1 file without its records', '{"version": 1}'],
  ] as const) {
    it(`${label}: one line on stderr and exit code 2, the file left as it was`, async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'sandbox-state-')), 'state.json');
      writeFileSync(file, content);
      const { code, stdout, stderr } = await run(['--state', file]);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^gigapay-sandbox: .*state file .*state\.json/);
      expect(stdout).not.toMatch(/listening/);
      expect(readFileSync(file, 'utf8')).toBe(content);
    }, 20_000);
  }

  it('--token other than the file\'s: exit code 2, naming the file\'s credentials', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sandbox-state-')), 'state.json');
    const sandbox = await start(['--state', file, '--token', 'first-token']);
    await stop(sandbox, 'SIGTERM');
    const { code, stderr } = await run(['--state', file, '--token', 'second-token']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/belongs to token first-token/);
  }, 20_000);

  it('a file that cannot be read: exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
    const { code, stderr } = await run(['--state', dir]); // a directory
    expect(code).toBe(2);
    expect(stderr).toMatch(/^gigapay-sandbox: cannot read state file /);
  }, 20_000);
});
