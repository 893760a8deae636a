/** The installed bin (the built dist/): bad flags print the usage and exit 2, never a stack trace. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('the CLI', () => {
  const bin = fileURLToPath(new URL('../bin/gigapay-sandbox.js', import.meta.url));
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [bin, ...args], { timeout: 10_000 }, (error, stdout, stderr) => resolve({ code: error ? (error.code as number) ?? null : 0, stdout, stderr }));
    });

  for (const args of [['--bogus'], ['--port'], ['--port', 'abc'], ['--drop-rate', '2'], ['--latency-ms', 'slow'], ['--max-body-bytes', '-1'], ['extra']]) {
    it(`${args.join(' ')}: prints the usage and exits 2`, async () => {
      const { code, stderr } = await run(args);
      expect(code).toBe(2);
      expect(stderr).toMatch(/--port <n>/);
      expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  }
});
