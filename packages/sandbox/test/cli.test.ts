/** The installed bin (the built dist/): bad flags print the usage and exit 2, never a stack trace. */
import { execFile, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('the CLI', () => {
  const bin = fileURLToPath(new URL('../bin/gigapay-sandbox.js', import.meta.url));
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [bin, ...args], { timeout: 10_000 }, (error, stdout, stderr) => resolve({ code: error ? (error.code as number) ?? null : 0, stdout, stderr }));
    });

  for (const args of [['--bogus'], ['--port'], ['--port', 'abc'], ['--drop-rate', '2'], ['--latency-ms', 'slow'], ['--max-body-bytes', '-1'], ['--log-size', '-1'], ['--log-size', '2.5'], ['--headers-timeout-ms', '0'], ['--headers-timeout-ms', '9000', '--request-timeout-ms', '100'], ['extra']]) {
    it(`${args.join(' ')}: prints the usage and exits 2`, async () => {
      const { code, stderr } = await run(args);
      expect(code).toBe(2);
      expect(stderr).toMatch(/--port <n>/);
      expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  }

  it('--headers-timeout-ms sets when a silent connection gets its 408 and is closed', async () => {
    const child = spawn(process.execPath, [bin, '--port', '0', '--headers-timeout-ms', '200', '--request-timeout-ms', '400'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise<URL>((resolve) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const found = /listening on (\S+)/.exec(out);
          if (found) resolve(new URL(found[1]!));
        });
      });
      const socket = connect(Number(url.port), url.hostname);
      let received = '';
      socket.on('data', (chunk) => (received += chunk));
      const opened = Date.now();
      await new Promise((resolve) => socket.once('close', resolve));
      expect(Date.now() - opened).toBeLessThan(2000);
      expect(received).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      child.kill();
    }
  });
});
