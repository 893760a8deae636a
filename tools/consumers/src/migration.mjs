/**
 * The migration check: a consumer written for the last major (`MIGRATION_FROM`), and its copy
 * upgraded by following the migration guide. Two projects, each installed with npm from a registry:
 *
 *   before  @gigapay/client and @gigapay/sandbox of MIGRATION_FROM (packed again from its release
 *           commit); compiles migration/app/before.ts and every migration/changes/<change>/before.ts
 *   after   the current packages; compiles migration/app/after.ts and every changes/<change>/after.ts
 *
 * Each project is type-checked with TypeScript 5.9 and 7, and its app runs against the
 * gigapay-sandbox installed beside it. A breaking change of the guide adds one folder under
 * migration/changes/ with both files; nothing here lists them.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transpile } from './consumers.mjs';

/** The release a 1.x user upgrades from: the guide's "before" side is compiled against it. */
export const MIGRATION_FROM = '1.0.0';

export const MIGRATION_DIR = fileURLToPath(new URL('../migration/', import.meta.url));
export const SIDES = ['before', 'after'];

const require = createRequire(import.meta.url);
const TYPES_NODE = JSON.parse(readFileSync(require.resolve('@types/node/package.json'), 'utf8')).version;

/** The consumer name of a side, as failure lines name it. */
export const migrationConsumer = (side) => `migration-${side}`;

/**
 * The guide's breaking changes, by folder name under migration/changes/; throws naming every
 * folder that lacks before.ts or after.ts (half a pair compiles nothing on the other side).
 */
export function migrationChanges(dir = MIGRATION_DIR) {
  const changes = readdirSync(join(dir, 'changes'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const incomplete = changes.flatMap((change) => SIDES.filter((side) => !existsSync(join(dir, 'changes', change, `${side}.ts`))).map((side) => `changes/${change}/${side}.ts`));
  if (incomplete.length) throw new Error(`migration pairs without both sides: ${incomplete.join(', ')} missing`);
  return changes;
}

/**
 * Writes the project of `side` into `dir`: its app as main.ts, each change's file of that side as
 * changes/<change>.ts, the shared tsconfig.json, and a package.json that depends on `versions`
 * (name → version) of @gigapay/client and @gigapay/sandbox.
 */
export function writeMigrationProject(side, dir, versions, source = MIGRATION_DIR) {
  mkdirSync(join(dir, 'changes'), { recursive: true });
  cpSync(join(source, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  cpSync(join(source, 'app', `${side}.ts`), join(dir, 'main.ts'));
  for (const change of migrationChanges(source)) cpSync(join(source, 'changes', change, `${side}.ts`), join(dir, 'changes', `${change}.ts`));
  const manifest = {
    name: `gigapay-${migrationConsumer(side)}`,
    private: true,
    type: 'module',
    dependencies: { '@gigapay/client': versions['@gigapay/client'] },
    devDependencies: { '@gigapay/sandbox': versions['@gigapay/sandbox'], '@types/node': TYPES_NODE },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The build of a migration project (for checkAndBuild): its app, types stripped, as main.js. */
export async function buildMigrationApp(dir) {
  await transpile(dir, ['main.ts'], 'esm', '.js');
  return { entry: 'main.js' };
}
