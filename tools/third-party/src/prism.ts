import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { bin, bundledSpec } from './paths.js';

/** A port free right now on 127.0.0.1 (Prism takes a port number, not 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface PrismProxy {
  /** Where clients call, without `/v2`: Prism adds the upstream's path. */
  base: string;
  stop(): Promise<void>;
}

/**
 * `prism proxy spec/dist/openapi.json <upstream> --errors` on a free loopback port: every request
 * and every upstream response validated against the bundle. Resolves once Prism listens (bounded).
 */
export async function startPrismProxy(upstream: string, readyWithinMs = 45_000): Promise<PrismProxy> {
  const port = await freePort();
  const child: ChildProcess = spawn(bin('prism'), ['proxy', bundledSpec, upstream, '--errors', '--host', '127.0.0.1', '--port', String(port)], {
    env: { ...process.env, SCARF_ANALYTICS: 'false', DO_NOT_TRACK: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`prism did not listen within ${readyWithinMs} ms:\n${output}`)), readyWithinMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      void stop().then(() => reject(error));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/Prism is listening/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`prism exited (${code}) before listening:\n${output}`)));
  });
  return { base: `http://127.0.0.1:${port}`, stop };
}
