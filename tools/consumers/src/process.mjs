// Child processes of the suite: each one bounded by a timeout, its output kept for the failure line.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * Runs `command` to its end and resolves with its exit code and output; never rejects for a
 * non-zero exit (the caller names the step). A run longer than `timeoutMs` is killed and
 * resolves with `timedOut: true`.
 */
export function run(command, args, { cwd, env = process.env, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: `${stderr}${error.message}`, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** Like run(), but rejects with `what` and the first error line of the output when the command fails. */
export async function runOrThrow(what, command, args, options) {
  const result = await run(command, args, options);
  if (result.code === 0) return result;
  const why = result.timedOut ? `timed out after ${(options?.timeoutMs ?? 120_000) / 1000} s` : firstError(`${result.stderr}\n${result.stdout}`);
  throw new Error(`${what}: ${why}`);
}

/** The line a reader needs first: the first one that looks like an error, else the first non-empty one. */
export function firstError(output) {
  const lines = output
    .split('\n')
    .map((line) => line.replace(/\x1b\[[0-9;]*m/g, '').trim())
    .filter(Boolean);
  const thrown = /^(?:Uncaught )?[\w.]*Error\b.*?:|\berror TS\d{4}|^npm error|\bERR!|^✘ \[ERROR\]/;
  const looksLikeError = /\berror\b|failed|not ok/i;
  const index = lines.findIndex((line) => thrown.test(line));
  // npm opens with its error code; the line after it says what failed.
  if (/^npm error code \S+$/.test(lines[index] ?? '') && lines[index + 1]?.startsWith('npm error ')) {
    return `${lines[index]}: ${lines[index + 1].slice('npm error '.length)}`;
  }
  return lines[index] ?? lines.find((line) => looksLikeError.test(line)) ?? lines[0] ?? '(no output)';
}

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Whether nothing listens on 127.0.0.1:`port`. */
export function isFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
