/**
 * A consumer written for 1.0.0, and its copy upgraded by following the migration guide: each
 * installed with npm from a registry of its own (1.0.0 packed again from its release commit; the
 * current packages as built), type-checked with TypeScript 5.9 and 7 with every before/after pair
 * of migration/changes/, and run against the gigapay-sandbox installed beside it. Two registries,
 * since the current packages may carry the version of the release they migrate from until the
 * next major is versioned.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndBuild, installConsumer, runSession } from '../src/consumers.mjs';
import { releaseTarballs } from '../src/frozen-release.mjs';
import { MIGRATION_FROM, SIDES, buildMigrationApp, migrationChanges, migrationConsumer, writeMigrationProject } from '../src/migration.mjs';
import { typescriptBinary } from '../src/node-binaries.mjs';
import { npmEnvironment, publishPackages, publishTarballs, startRegistry } from '../src/registry.mjs';

const NPM_CACHE = new URL('../.cache/npm/', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'gigapay-migration-'));
const typescript7 = typescriptBinary(undefined, { env: { ...process.env, npm_config_cache: NPM_CACHE } });
typescript7.catch(() => {}); // reported by the step that needs it

const registries = [];
/** side → Promise of { dir, entry, versions }: installed, type-checked and built. */
const prepared = new Map();
const seconds = (from) => `${((Date.now() - from) / 1000).toFixed(1)} s`;

/** Publishes what `publish(url)` publishes to a registry of its own; resolves with name → version. */
async function registryWith(side, publish) {
  const registry = await startRegistry({ storageDir: join(root, `registry-${side}`) });
  registries.push(registry);
  const published = await publish(registry.url);
  return { url: registry.url, versions: Object.fromEntries(published.map((p) => [p.name, p.version])) };
}

beforeAll(async () => {
  const started = Date.now();
  const sources = {
    before: registryWith('before', async (url) => {
      const tarballs = await releaseTarballs(MIGRATION_FROM);
      console.log(`${MIGRATION_FROM} tarballs ready in ${seconds(started)}`);
      await publishTarballs(url, tarballs);
      return tarballs;
    }),
    // dist/ was just built: turbo runs this task after the public packages' build.
    after: registryWith('after', (url) => publishPackages(url, { packDir: join(root, 'pack'), ignoreScripts: true })),
  };
  for (const side of SIDES) {
    const ready = (async () => {
      const { url, versions } = await sources[side];
      const dir = join(root, side);
      writeMigrationProject(side, dir, versions);
      const t0 = Date.now();
      const configDir = join(root, `npmrc-${side}`);
      mkdirSync(configDir);
      await installConsumer(migrationConsumer(side), dir, npmEnvironment(url, { cacheDir: NPM_CACHE, configDir }));
      const t1 = Date.now();
      const built = await checkAndBuild(migrationConsumer(side), dir, { typescript7, build: buildMigrationApp });
      console.log(`${migrationConsumer(side)}: npm install ${((t1 - t0) / 1000).toFixed(1)} s, tsc --noEmit ${built.seconds.tsc.toFixed(1)} s (TypeScript 7: ${built.seconds.tsc7.toFixed(1)} s)`);
      return { dir, entry: built.entry, versions };
    })();
    ready.catch(() => {});
    prepared.set(side, ready);
  }
  await Promise.allSettled(prepared.values());
  console.log(`migration projects ready in ${seconds(started)}`);
}, 420_000);

afterAll(async () => {
  await Promise.all(registries.map((registry) => registry.close()));
  if (process.env.GIGAPAY_CONSUMERS_KEEP) console.log(`migration projects kept in ${root}`);
  else rmSync(root, { recursive: true, force: true });
});

describe('migration from 1.0.0', () => {
  it('every breaking change of the guide has both sides: changes/<change>/before.ts and after.ts', () => {
    expect(migrationChanges().length).toBeGreaterThan(0);
  });

  it(`the program and the "before" side of every change compile against @gigapay/client ${MIGRATION_FROM}, and the program runs against its sandbox`, async () => {
    const { dir, entry, versions } = await prepared.get('before');
    expect(versions).toMatchObject({ '@gigapay/client': MIGRATION_FROM, '@gigapay/sandbox': MIGRATION_FROM });
    const { stdout } = await runSession(migrationConsumer('before'), dir, entry, process.execPath, process.version.slice(1), { clientSession: true });
    expect(stdout).toMatch(/^paid \S+ to \S+ on \S+$/m);
  }, 120_000);

  it('the upgraded program and the "after" side of every change compile against the current packages, and the program runs against their sandbox', async () => {
    const { dir, entry } = await prepared.get('after');
    const { stdout } = await runSession(migrationConsumer('after'), dir, entry, process.execPath, process.version.slice(1), { clientSession: true });
    expect(stdout).toMatch(/^paid \S+ to \S+ on \S+$/m);
  }, 120_000);
});
