// Node 22 and 24 for the sessions, from the npm registry's `node` package (it ships the binary),
// cached in tools/consumers/.cache/node/<version>/. No version manager, nothing but the registry.
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './process.mjs';

export const NODE_CACHE = join(dirname(fileURLToPath(import.meta.url)), '../.cache/node');

/** The Node versions the sessions run on: this machine's, and the registry's builds of 22 and 24. */
export const NODE_VERSIONS = ['22.23.3', '24.21.0'];

/**
 * The path of a `node` binary of `version`: the running one when it is that version, else the
 * cached copy, fetched with npm first when missing. Rejects naming the version and npm's first
 * error when it cannot be fetched (within `timeoutMs`, without npm's retries).
 */
export async function nodeBinary(version, { cacheDir = NODE_CACHE, env = process.env, timeoutMs = 180_000 } = {}) {
  if (process.version === `v${version}`) return process.execPath;
  const prefix = join(cacheDir, version);
  const binary = join(prefix, 'node_modules/node/bin/node');
  if (await reportsVersion(binary, version)) return binary;
  rmSync(prefix, { recursive: true, force: true });
  const args = ['install', '--prefix', prefix, `node@${version}`, '--no-save', '--no-package-lock', '--fetch-retries=0', '--no-audit', '--no-fund', '--loglevel=error'];
  const result = await run('npm', args, { env, timeoutMs });
  if (result.code === 0 && (await reportsVersion(binary, version))) return binary;
  rmSync(prefix, { recursive: true, force: true });
  const why = result.timedOut
    ? `npm install timed out after ${timeoutMs / 1000} s`
    : (`${result.stderr}\n${result.stdout}`.split('\n').find((line) => /npm error (code|\d{3}|notarget|request|network)|ERR!/i.test(line)) ?? 'the binary did not run').trim();
  throw new Error(`Node ${version} could not be fetched from the npm registry (npm install node@${version}): ${why}`);
}

async function reportsVersion(binary, version) {
  if (!existsSync(binary)) return false;
  const { code, stdout } = await run(binary, ['--version'], { timeoutMs: 10_000 });
  return code === 0 && stdout.trim() === `v${version}`;
}
