// Binaries that ship inside npm packages, fetched with npm alone and cached under
// tools/consumers/.cache/: Node 22, 24 and 26 for the sessions (the registry's `node` package), and
// TypeScript 7, the native compiler, that every consumer is type-checked with besides 5.9. No version manager,
// nothing but the registry.
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './process.mjs';

const CACHE = join(dirname(fileURLToPath(import.meta.url)), '../.cache');
export const NODE_CACHE = join(CACHE, 'node');
export const TYPESCRIPT_CACHE = join(CACHE, 'typescript');

/** The Node versions the sessions run on besides this machine's 20: the registry's builds of 22, 24 and 26 (the current LTS). */
export const NODE_VERSIONS = ['22.23.3', '24.21.0', '26.10.0'];

/** The TypeScript 7 (the registry's `typescript@7`) whose `tsc` checks consumers' code besides the workspace's 5.9. */
export const TYPESCRIPT_7 = '7.0.2';

/**
 * The path of a `node` binary of `version`: the running one when it is that version, else the
 * cached copy, fetched with npm first when missing. Rejects naming the version and npm's first
 * error when it cannot be fetched (within `timeoutMs`, without npm's retries).
 */
export async function nodeBinary(version, { cacheDir = NODE_CACHE, env = process.env, timeoutMs = 180_000 } = {}) {
  if (process.version === `v${version}`) return process.execPath;
  return packageBinary({ label: `Node ${version}`, name: 'node', version, bin: 'bin/node', reports: `v${version}`, cacheDir, env, timeoutMs });
}

/** The path of the `tsc` of TypeScript `version` (cached as `nodeBinary` caches Node). */
export async function typescriptBinary(version = TYPESCRIPT_7, { cacheDir = TYPESCRIPT_CACHE, env = process.env, timeoutMs = 180_000 } = {}) {
  return packageBinary({ label: `TypeScript ${version}`, name: 'typescript', version, bin: 'bin/tsc', reports: `Version ${version}`, cacheDir, env, timeoutMs });
}

/** `bin` of npm package `name@version`, installed into `cacheDir/<version>/` unless a working copy is there. */
async function packageBinary({ label, name, version, bin, reports, cacheDir, env, timeoutMs }) {
  const prefix = join(cacheDir, version);
  const binary = join(prefix, 'node_modules', name, bin);
  if (await reportsVersion(binary, reports)) return binary;
  rmSync(prefix, { recursive: true, force: true });
  const args = ['install', '--prefix', prefix, `${name}@${version}`, '--no-save', '--no-package-lock', '--fetch-retries=0', '--no-audit', '--no-fund', '--loglevel=error'];
  const result = await run('npm', args, { env, timeoutMs });
  if (result.code === 0 && (await reportsVersion(binary, reports))) return binary;
  rmSync(prefix, { recursive: true, force: true });
  const why = result.timedOut
    ? `npm install timed out after ${timeoutMs / 1000} s`
    : (`${result.stderr}\n${result.stdout}`.split('\n').find((line) => /npm error (code|\d{3}|notarget|request|network)|ERR!/i.test(line)) ?? 'the binary did not run').trim();
  throw new Error(`${label} could not be fetched from the npm registry (npm install ${name}@${version}): ${why}`);
}

/** The binary runs and its `--version` prints `reports`. */
async function reportsVersion(binary, reports) {
  if (!existsSync(binary)) return false;
  const { code, stdout } = await run(binary, ['--version'], { timeoutMs: 10_000 });
  return code === 0 && stdout.trim() === reports;
}
