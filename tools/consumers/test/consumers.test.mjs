/**
 * The consumer suite: pack and publish the public packages to a local Verdaccio, install them with
 * npm into projects outside the workspace, type-check them with TypeScript 5.9 and 7, and use them
 * from ESM, CommonJS, bundles and types only, the ESM and CommonJS sessions on Node 20, 22, 24 and
 * 26; and a consumer written for 1.0.0 beside its copy upgraded by the migration guide (migration/).
 * A failure reads `consumer <name>, Node <version>, step <step>: <first error>`.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSUMERS, ConsumerFailure, checkAndBuild, installConsumer, runSession, sessionVersions, typeCheckOn7, writeConsumer } from '../src/consumers.mjs';
import { releaseTarballs } from '../src/frozen-release.mjs';
import { MIGRATION_FROM, SIDES, buildMigrationApp, migrationChanges, migrationConsumer, writeMigrationProject } from '../src/migration.mjs';
import { NODE_VERSIONS, TYPESCRIPT_7, nodeBinary, typescriptBinary } from '../src/node-binaries.mjs';
import { npmEnvironment, publishPackages, publishTarballs, startRegistry } from '../src/registry.mjs';
import { tarballProblems } from '../src/tarball-checks.mjs';

const NPM_CACHE = new URL('../.cache/npm/', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'gigapay-consumers-'));
const names = Object.keys(CONSUMERS);
const nodes = new Map(NODE_VERSIONS.map((version) => [version, nodeBinary(version, { env: { ...process.env, npm_config_cache: NPM_CACHE } })]));
const typescript7 = typescriptBinary(undefined, { env: { ...process.env, npm_config_cache: NPM_CACHE } });
for (const binary of [...nodes.values(), typescript7]) binary.catch(() => {}); // reported by the steps that need it

let registry;
/**
 * The registry of MIGRATION_FROM (the current packages may carry its version until the next major
 * is versioned), started with the suite's own while the machine is not yet busy with tsc.
 */
let migrationRegistry;
let published;
/** name → Promise of { dir, entry }: installed, type-checked and built. */
const prepared = new Map();
/** side of the migration (before, after) → Promise of { dir, entry, versions }: installed, type-checked and built. */
const migration = new Map();

const seconds = (from, to = Date.now()) => `${((to - from) / 1000).toFixed(1)} s`;
const versionsOf = (packages) => Object.fromEntries(packages.map((p) => [p.name, p.version]));

/** Writes, installs from `registryUrl`, type-checks and builds the migration project of `side` (see src/migration.mjs). */
async function prepareMigration(side, registryUrl, versions) {
  const dir = join(root, migrationConsumer(side));
  const configDir = join(root, `npmrc-${side}`);
  mkdirSync(configDir);
  writeMigrationProject(side, dir, versions);
  const t0 = Date.now();
  await installConsumer(migrationConsumer(side), dir, npmEnvironment(registryUrl, { cacheDir: NPM_CACHE, configDir }));
  const t1 = Date.now();
  const built = await checkAndBuild(migrationConsumer(side), dir, { build: buildMigrationApp });
  const tsc7Seconds = await typeCheckOn7(migrationConsumer(side), dir, typescript7);
  console.log(`${migrationConsumer(side)}: npm install ${seconds(t0, t1)}, tsc --noEmit ${built.tscSeconds.toFixed(1)} s (TypeScript 7: ${tsc7Seconds.toFixed(1)} s)`);
  return { dir, entry: built.entry, versions };
}

/** The migration projects, started once the consumers are built so that they share the sessions' time, not the build's. */
function startMigration(versions) {
  const started = Date.now();
  const before = (async () => {
    const tarballs = await releaseTarballs(MIGRATION_FROM);
    console.log(`${MIGRATION_FROM} tarballs ready in ${seconds(started)}`);
    const { url } = await migrationRegistry;
    await publishTarballs(url, tarballs);
    return prepareMigration('before', url, versionsOf(tarballs));
  })();
  migration.set('before', before);
  migration.set('after', prepareMigration('after', registry.url, versions));
  for (const ready of migration.values()) ready.catch(() => {});
}

beforeAll(async () => {
  const started = Date.now();
  migrationRegistry = startRegistry({ storageDir: join(root, `registry-${MIGRATION_FROM}`) });
  migrationRegistry.catch(() => {}); // reported by the migration's "before" test
  registry = await startRegistry({ storageDir: join(root, 'registry') });
  const registryUp = Date.now();
  // dist/ was just built: turbo runs this task after the public packages' build.
  published = await publishPackages(registry.url, { packDir: join(root, 'pack'), ignoreScripts: true });
  const publishedAt = Date.now();
  const versions = versionsOf(published);
  const env = npmEnvironment(registry.url, { cacheDir: NPM_CACHE, configDir: root });
  for (const name of names) {
    const dir = join(root, name);
    writeConsumer(name, dir, versions);
    const ready = (async () => {
      const t0 = Date.now();
      await installConsumer(name, dir, env);
      const t1 = Date.now();
      const built = await checkAndBuild(name, dir);
      console.log(`${name}: npm install ${seconds(t0, t1)}, tsc --noEmit ${built.tscSeconds.toFixed(1)} s, with the build ${seconds(t1)}`);
      return { dir, ...built };
    })();
    ready.catch(() => {});
    prepared.set(name, ready);
  }
  await Promise.allSettled(prepared.values());
  console.log(`registry up in ${seconds(started, registryUp)}, packed and published in ${seconds(registryUp, publishedAt)}, consumers installed and built in ${seconds(publishedAt)}`);
  startMigration(versions);
}, 240_000);

afterAll(async () => {
  await Promise.allSettled(migration.values());
  await Promise.all([registry?.close(), migrationRegistry?.then((r) => r.close(), () => {})]);
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
    it(`${name}: npm install, tsc --noEmit, build`, async () => {
      await prepared.get(name);
    });
  }
});

// Outside the install-and-build hook, whose budget stays the consumers' own.
describe.concurrent(`consumers on TypeScript ${TYPESCRIPT_7}`, () => {
  for (const name of names) {
    it(`${name}: tsc --noEmit`, async () => {
      const { dir } = await prepared.get(name);
      console.log(`${name}: tsc ${TYPESCRIPT_7} --noEmit ${(await typeCheckOn7(name, dir, typescript7)).toFixed(1)} s`);
    }, 180_000);
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


// migration/: a program written for 1.0.0 and its copy upgraded by the migration guide, with every
// breaking change's before/after pair, each side installed from its own registry (see the README).
describe.concurrent(`migration from ${MIGRATION_FROM}`, () => {
  it('every breaking change of the guide has both sides: changes/<change>/before.ts and after.ts', () => {
    expect(migrationChanges().length).toBeGreaterThan(0);
  });

  const what = {
    before: `the 1.x program and the "before" side of every change compile against @gigapay/client ${MIGRATION_FROM}, and the program runs against its sandbox`,
    after: 'the upgraded program and the "after" side of every change compile against the current packages, and the program runs against their sandbox',
  };
  for (const side of SIDES) {
    // A fresh checkout packs MIGRATION_FROM again from its release commit first (1.5–3.5 min here).
    it(what[side], async () => {
      const { dir, entry, versions } = await migration.get(side);
      if (side === 'before') expect(versions).toMatchObject({ '@gigapay/client': MIGRATION_FROM, '@gigapay/sandbox': MIGRATION_FROM });
      const { stdout } = await runSession(migrationConsumer(side), dir, entry, process.execPath, process.version.slice(1), { clientSession: true });
      expect(stdout).toMatch(/^paid \S+ to \S+ on \S+$/m);
    }, 420_000);
  }
});
