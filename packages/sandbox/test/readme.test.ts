// The README tells the truth about the options and the browser proxy it recommends.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOG_SIZE } from '../src/internal/bounded-log.js';
import { DEFAULT_LIMITS } from '../src/internal/limits.js';
import { DEFAULT_TIMEOUTS } from '../src/internal/timeouts.js';
import { employeeBody, start } from './helpers.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const source = readFileSync(new URL('../src/sandbox.ts', import.meta.url), 'utf8');

/** The options table of "Start it": option → default, as written. */
const table = new Map(
  [...readme.matchAll(/^\| `(\w+)` \| (.+?) \|/gm)].filter(([line]) => readme.indexOf(line!) < readme.indexOf('## What it does')).map(([, name, value]) => [name!, value!]),
);

describe('the README options table', () => {
  it('has a row for every SandboxOptions field, and none for anything else', () => {
    const declared = [...source.slice(source.indexOf('export interface SandboxOptions'), source.indexOf('export interface Sandbox ')).matchAll(/^ {2}(\w+)\?:/gm)].map(([, name]) => name!);
    expect([...table.keys()].sort()).toEqual(declared.sort());
  });

  it('states the defaults the code uses', () => {
    expect(table.get('limits')).toBe(`\`{ bodyBytes: ${DEFAULT_LIMITS.bodyBytes}, urlLength: ${DEFAULT_LIMITS.urlLength}, jsonDepth: ${DEFAULT_LIMITS.jsonDepth} }\``);
    expect(table.get('timeouts')).toBe(`\`{ headersMs: ${DEFAULT_TIMEOUTS.headersMs}, requestMs: ${DEFAULT_TIMEOUTS.requestMs}, keepAliveMs: ${DEFAULT_TIMEOUTS.keepAliveMs} }\``);
    expect(table.get('logSize')).toBe(`\`${DEFAULT_LOG_SIZE}\``);
    expect(table.get('cors')).toBe('`[]`');
    expect(table.get('onRequest')).toBe('none');
    expect(table.get('onDelivery')).toBe('none');
  });
});

describe('the server-side proxy of "From a browser"', () => {
  it('runs as printed: the browser sends no token, the proxy adds it, keys and replays pass through', async () => {
    const code = /```js\n(\/\/ proxy\.mjs[\s\S]*?)```/.exec(readme)![1]!;
    const sandbox = await start();
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-proxy-'));
    writeFileSync(join(dir, 'proxy.mjs'), code);
    const proxy = spawn(process.execPath, [join(dir, 'proxy.mjs')], {
      env: { ...process.env, GIGAPAY_URL: sandbox.url, GIGAPAY_TOKEN: sandbox.token, GIGAPAY_INTEGRATION_ID: sandbox.integrationId, PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let out = '';
        proxy.once('exit', (exit) => reject(new Error(`proxy exited ${exit}`)));
        proxy.stdout.on('data', (chunk) => {
          out += chunk;
          const found = /proxy on (\S+)/.exec(out);
          if (found) resolve(found[1]!);
        });
      });
      const send = () => fetch(`${base}employees/`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'via-proxy' }, body: JSON.stringify(employeeBody({ email: 'proxied@example.com' })) });
      const first = await send();
      expect(first.status).toBe(201);
      const replayed = await send();
      expect(replayed.headers.get('idempotent-replayed')).toBe('true');
      expect(await replayed.json()).toEqual(await first.json());
      const list = await fetch(`${base}employees/`);
      expect((await list.json()).count).toBe(1);
    } finally {
      proxy.kill();
      rmSync(dir, { recursive: true, force: true });
      await sandbox.close();
    }
  });
});
