/**
 * A real npm registry on loopback (Verdaccio) and the publishing of the public packages to it,
 * as a user's registry would receive them. Shared by the consumer suite and `npm run release:dry`.
 *
 *   const registry = await startRegistry();            // { url, close() }
 *   const published = await publishPackages(registry.url);
 *   await registry.close();
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstError, freePort, isFree, run, runOrThrow } from './process.mjs';
import { tarballFiles } from './tarball.mjs';
import { pnpmCommand } from '../../release/src/workspace.mjs';

export const WORKSPACE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The public packages, in dependency order, by workspace folder. */
export const PUBLIC_PACKAGES = [
  { name: '@gigapay/openapi', dir: 'spec' },
  { name: '@gigapay/types', dir: 'packages/types' },
  { name: '@gigapay/client', dir: 'packages/client' },
  { name: '@gigapay/sandbox', dir: 'packages/sandbox' },
];

const READY_TIMEOUT_MS = 30_000;
const VERDACCIO_BIN = createRequire(import.meta.url).resolve('verdaccio/bin/verdaccio');

/** The registry npm itself is configured with: Verdaccio's uplink for everything not @gigapay. */
async function upstreamRegistry() {
  const { stdout } = await runOrThrow('npm config get registry', 'npm', ['config', 'get', 'registry'], { timeoutMs: 15_000 });
  return stdout.trim();
}

function verdaccioConfig(storage, uplink) {
  return `# Written by tools/consumers/src/registry.mjs for one run.
storage: ${JSON.stringify(storage)}
uplinks:
  upstream:
    url: ${JSON.stringify(uplink)}
    timeout: 60s
    maxage: 30m
packages:
  '@gigapay/*':
    access: $all
    publish: $anonymous
  '**':
    access: $all
    proxy: upstream
max_body_size: 50mb
web:
  enable: false
log: { type: stdout, format: json, level: warn }
`;
}

/**
 * Starts Verdaccio 6 on 127.0.0.1 (a free port unless `port` is given) with its storage in
 * `storageDir` (default: a new temporary folder, removed by close()). Resolves once it answers
 * `/-/ping`; rejects with the reason when it exits first (a port already taken) or is not ready in
 * 30 s.
 * @param {{ storageDir?: string, port?: number }} [options]
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startRegistry({ storageDir, port } = {}) {
  const ownStorage = storageDir === undefined;
  const home = ownStorage ? mkdtempSync(join(tmpdir(), 'gigapay-registry-')) : storageDir;
  const cleanUp = () => {
    if (ownStorage) rmSync(home, { recursive: true, force: true });
  };
  mkdirSync(home, { recursive: true });
  const configFile = join(home, 'config.yaml');
  writeFileSync(configFile, verdaccioConfig(join(home, 'storage'), await upstreamRegistry()));
  const listen = `127.0.0.1:${port ?? (await freePort())}`;
  const url = `http://${listen}/`;
  // A taken port would otherwise answer the readiness probe with whatever holds it.
  if (port !== undefined && !(await isFree(port))) {
    cleanUp();
    throw new Error(`Verdaccio could not start on ${listen}: the port is already taken`);
  }

  const child = spawn(process.execPath, [VERDACCIO_BIN, '--config', configFile, '--listen', listen], {
    cwd: home,
    env: { ...process.env, VERDACCIO_HANDLE_KILL_SIGNALS: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    cleanUp();
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exit;
  exited.then((value) => (exit = value));
  while (!exit) {
    if (Date.now() > deadline) {
      await close();
      throw new Error(`Verdaccio did not answer on ${url} within ${READY_TIMEOUT_MS / 1000} s: ${firstError(output)}`);
    }
    try {
      const response = await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return { url, close };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  cleanUp();
  const taken = /EADDRINUSE/.test(output) ? 'the port is already taken' : firstError(output);
  throw new Error(`Verdaccio could not start on ${listen}: ${taken} (exit ${exit.code ?? exit.signal})`);
}

/**
 * npm settings for talking to `registryUrl` only: a user config of its own (so the machine's
 * ~/.npmrc plays no part) with a placeholder token, since npm refuses to publish without one and
 * the registry accepts anonymous publishes of @gigapay/*.
 */
export function npmEnvironment(registryUrl, { cacheDir, configDir } = {}) {
  const dir = configDir ?? mkdtempSync(join(tmpdir(), 'gigapay-npmrc-'));
  const userconfig = join(dir, '.npmrc');
  const host = registryUrl.replace(/^https?:/, '');
  writeFileSync(userconfig, `registry=${registryUrl}\n${host}:_authToken=local-registry\n`);
  return {
    ...process.env,
    npm_config_userconfig: userconfig,
    npm_config_registry: registryUrl,
    ...(cacheDir ? { npm_config_cache: cacheDir } : {}),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'error',
  };
}

/**
 * Packs each public package with `pnpm pack` (which runs its `prepack` build and turns
 * `workspace:` and `catalog:` ranges into versions) and publishes the tarball to `registryUrl`
 * with `npm publish --provenance=false` (provenance needs a CI's identity).
 * @param {string} registryUrl
 * @param {{ packages?: string[], packDir?: string, ignoreScripts?: boolean, root?: string }} [options]
 *   `packages`: names to publish (default: all public ones); `packDir`: where the tarballs stay
 *   (default: a temporary folder); `ignoreScripts`: skip `prepack` when dist/ was just built;
 *   `root`: the workspace to pack (default: this one; another is a checkout of an older release).
 * @returns {Promise<Array<{ name: string, version: string, tarball: string, packedSize: number, unpackedSize: number, files: Array<{ path: string, size: number }> }>>}
 */
export async function publishPackages(registryUrl, options = {}) {
  const packed = await packPackages(options);
  await publishTarballs(registryUrl, packed);
  return packed;
}

/** The packing half of publishPackages(): the same options but the registry, the same answer. */
export async function packPackages({ packages, packDir, ignoreScripts = false, root = WORKSPACE_ROOT } = {}) {
  const chosen = packages ? PUBLIC_PACKAGES.filter((p) => packages.includes(p.name)) : PUBLIC_PACKAGES;
  const unknown = (packages ?? []).filter((name) => !PUBLIC_PACKAGES.some((p) => p.name === name));
  if (unknown.length) throw new Error(`Not a public package: ${unknown.join(', ')}`);
  const destination = packDir ?? mkdtempSync(join(tmpdir(), 'gigapay-pack-'));
  mkdirSync(destination, { recursive: true });
  const [pnpm, pnpmArgs] = pnpmCommand(root);
  return Promise.all(
    chosen.map(async ({ name, dir }) => {
      const args = [...pnpmArgs, 'pack', '--json', '--pack-destination', destination, ...(ignoreScripts ? ['--config.ignore-scripts=true'] : [])];
      const { stdout } = await runOrThrow(`pnpm pack ${name}`, pnpm, args, { cwd: join(root, dir), timeoutMs: 180_000 });
      const { version, filename } = packJson(stdout);
      return describeTarball(name, version, filename.startsWith('/') ? filename : join(destination, filename));
    }),
  );
}

/** `{ name, version, tarball, packedSize, unpackedSize, files }` of a packed tarball. */
export function describeTarball(name, version, tarball) {
  const files = tarballFiles(tarball);
  return { name, version, tarball, packedSize: statSync(tarball).size, unpackedSize: files.reduce((sum, f) => sum + f.size, 0), files };
}

/**
 * `npm publish` of each `{ name, tarball }` to `registryUrl`, in the order given: dependencies
 * first, so that nothing on the registry ever points at a version not yet there.
 */
export async function publishTarballs(registryUrl, packed) {
  const configDir = mkdtempSync(join(tmpdir(), 'gigapay-npmrc-'));
  try {
    const env = npmEnvironment(registryUrl, { configDir });
    for (const pkg of packed) {
      await runOrThrow(`npm publish ${pkg.name}`, 'npm', ['publish', pkg.tarball, '--registry', registryUrl, '--provenance=false', '--access', 'public'], {
        cwd: configDir,
        env,
        timeoutMs: 60_000,
      });
    }
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
}

/** The report of `pnpm pack --json`: the last top-level JSON object, after whatever prepack printed. */
export function packJson(stdout) {
  const starts = [...stdout.matchAll(/^\{$/gm)].map((match) => match.index).reverse();
  for (const start of starts) {
    try {
      return JSON.parse(stdout.slice(start));
    } catch {
      // an earlier "{" line of the prepack's own output
    }
  }
  throw new Error(`pnpm pack printed no JSON report: ${stdout.slice(0, 200)}`);
}
