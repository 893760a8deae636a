/**
 * The docs server (`npm run docs`) out of file descriptors: run under a low `ulimit -n` in a child
 * shell, and held open by many kept-alive connections, it answers 503 while it cannot open a file
 * and serves again once connections close; it never crashes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const serveModule = fileURLToPath(new URL('../scripts/serve.mjs', import.meta.url));
const FILE_LIMIT = 64;

let site: string;
let child: ChildProcess;
let port: number;
let stderr = '';

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'docs-serve-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>docs</title>');
  const script = `const { serveDirectory } = await import(${JSON.stringify(serveModule)}); const { url } = await serveDirectory(${JSON.stringify(site)}, { port: 0 }); console.log(url);`;
  child = spawn('sh', ['-c', `ulimit -n ${FILE_LIMIT} && exec "$0" --input-type=module -e "$1"`, process.execPath, script], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      const found = /:(\d+)\//.exec(String(chunk));
      if (found) resolve(Number(found[1]));
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${stderr}`)));
  });
});
afterAll(() => {
  child.kill();
  rmSync(site, { recursive: true, force: true });
});

/** A kept-alive connection that asks for `/`; resolves with the status it got, or `null` if it was cut without one. */
function ask(sockets: Socket[]): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    let text = '';
    socket.on('error', () => resolve(null));
    socket.on('close', () => resolve(null));
    socket.on('data', (chunk) => {
      text += chunk;
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(text);
      if (status) resolve(Number(status[1]));
    });
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
  });
}

describe('the docs server out of file descriptors (EMFILE)', () => {
  it('answers 503 with Retry-After instead of crashing, and serves again once connections close', async () => {
    const sockets: Socket[] = [];
    const statuses: Array<number | null> = [];
    for (let i = 0; i < FILE_LIMIT; i++) statuses.push(await ask(sockets));
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses).toContain(503);
    expect(child.exitCode).toBeNull();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await fetch(`http://127.0.0.1:${port}/`);
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('<title>docs</title>');
    expect(child.exitCode).toBeNull();
  });

  it('says when to retry on the 503', async () => {
    const sockets: Socket[] = [];
    let text = '';
    for (let i = 0; i < FILE_LIMIT && !text; i++) {
      const socket = connect(port, '127.0.0.1');
      sockets.push(socket);
      text = await new Promise<string>((resolve) => {
        let received = '';
        socket.on('error', () => resolve(''));
        socket.on('close', () => resolve(''));
        socket.on('data', (chunk) => {
          received += chunk;
          if (received.includes('\r\n\r\n')) resolve(received.startsWith('HTTP/1.1 503') ? received : '');
        });
        socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      });
    }
    for (const socket of sockets) socket.destroy();
    expect(text).toMatch(/\r\nretry-after: 1\r\n/i);
  });
});
