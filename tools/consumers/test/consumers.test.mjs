/**
 * The consumer suite: pack and publish the public packages to a local Verdaccio, install them with
 * npm into projects outside the workspace, type-check them with TypeScript 5.9 and 7, and use them
 * from ESM, CommonJS, bundles and types only, the ESM and CommonJS sessions on Node 20, 22, 24 and
 * 26. A failure reads `consumer <name>, Node <version>, step <step>: <first error>`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSUMERS, ConsumerFailure, checkAndBuild, installConsumer, runSession, sessionVersions, writeConsumer } from '../src/consumers.mjs';
import { NODE_VERSIONS, nodeBinary, typescriptBinary } from '../src/node-binaries.mjs';
import { npmEnvironment, publishPackages, startRegistry } from '../src/registry.mjs';
import { tarballProblems } from '../src/tarball-checks.mjs';

const NPM_CACHE = new URL('../.cache/npm/', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'gigapay-consumers-'));
const names = Object.keys(CONSUMERS);
const nodes = new Map(NODE_VERSIONS.map((version) => [version, nodeBinary(version, { env: { ...process.env, npm_config_cache: NPM_CACHE } })]));
const typescript7 = typescriptBinary(undefined, { env: { ...process.env, npm_config_cache: NPM_CACHE } });
for (const binary of [...nodes.values(), typescript7]) binary.catch(() => {}); // reported by the steps that need it

let registry;
let published;
/** name → Promise of { dir, entry }: installed, type-checked and built. */
const prepared = new Map();

const seconds = (from, to = Date.now()) => `${((to - from) / 1000).toFixed(1)} s`;

beforeAll(async () => {
  const started = Date.now();
  registry = await startRegistry({ storageDir: join(root, 'registry') });
  const registryUp = Date.now();
  // dist/ was just built: turbo runs this task after the public packages' build.
  published = await publishPackages(registry.url, { packDir: join(root, 'pack'), ignoreScripts: true });
  const publishedAt = Date.now();
  const versions = Object.fromEntries(published.map((p) => [p.name, p.version]));
  const env = npmEnvironment(registry.url, { cacheDir: NPM_CACHE, configDir: root });
  for (const name of names) {
    const dir = join(root, name);
    writeConsumer(name, dir, versions);
    const ready = (async () => {
      const t0 = Date.now();
      await installConsumer(name, dir, env);
      const t1 = Date.now();
      const built = await checkAndBuild(name, dir, { typescript7 });
      const { tsc, tsc7 } = built.seconds;
      console.log(`${name}: npm install ${seconds(t0, t1)}, tsc --noEmit ${tsc.toFixed(1)} s (TypeScript 7: ${tsc7.toFixed(1)} s), with the build ${seconds(t1)}`);
      return { dir, ...built };
    })();
    ready.catch(() => {});
    prepared.set(name, ready);
  }
  await Promise.allSettled(prepared.values());
  console.log(`registry up in ${seconds(started, registryUp)}, packed and published in ${seconds(registryUp, publishedAt)}, consumers installed and built in ${seconds(publishedAt)}`);
}, 240_000);

afterAll(async () => {
  await registry?.close();
  // GIGAPAY_CONSUMERS_KEEP=1 leaves the consumers for a look (the folder is printed).
  if (process.env.GIGAPAY_CONSUMERS_KEEP) console.log(`consumers kept in ${root}`);
  else rmSync(root, { recursive: true, force: true });
});

describe('tarballs', () => {
  it('carry their entries, types, README, LICENSE and metadata; no tests, fixtures or local paths', () => {
    console.table(published.map(({ name, version, packedSize, unpackedSize }) => ({ name, version, packed: packedSize, unpacked: unpackedSize })));
    expect(Object.fromEntries(published.map((p) => [p.name, tarballProblems(p)]))).toEqual({
      '@gigapay/openapi': [],
      '@gigapay/types': [],
      '@gigapay/client': [],
      '@gigapay/sandbox': [],
    });
  });

  it('the sandbox carries only what a user runs: its bundle, types and bin', () => {
    const sandbox = published.find((p) => p.name === '@gigapay/sandbox');
    const extra = sandbox.files.map((f) => f.path).filter((path) => !/^(dist\/[\w-]+\.(js|d\.ts)|bin\/gigapay-sandbox\.js|package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(path));
    expect(extra).toEqual([]);
  });
});

describe('consumers', () => {
  for (const name of names) {
    it(`${name}: npm install, tsc --noEmit (TypeScript 5.9 and 7), build`, async () => {
      await prepared.get(name);
    });
  }
});

describe.concurrent('sessions against the installed gigapay-sandbox', () => {
  for (const name of names) {
    for (const version of sessionVersions(name, NODE_VERSIONS)) {
      it(`${name} on Node ${version}`, async () => {
        const { dir, entry } = await prepared.get(name);
        let node = process.execPath;
        if (nodes.has(version)) {
          node = await nodes.get(version).catch((error) => {
            throw new ConsumerFailure(name, version, 'fetch Node', error.message);
          });
        }
        const { requests } = await runSession(name, dir, entry, node, version);
        expect(requests).toBeGreaterThan(0);
      }, 240_000);
    }
  }
});

