// What every public tarball must carry, and must not: the checks of the consumer suite's tarball tests.
import { existsSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PUBLIC_PACKAGES, WORKSPACE_ROOT } from './registry.mjs';
import { tarballEntries } from './tarball.mjs';

const NOT_FOR_USERS = [
  /(^|\/)(test|tests|__tests__|fixtures?|bench|coverage|node_modules|\.turbo)\//,
  /\.(test|spec|bench)\.[cm]?[jt]sx?$/,
  /(^|\/)(tsconfig[^/]*\.json|vitest\.config\.[cm]?[jt]s|tsup\.config\.ts|turbo\.json|\.eslintrc.*)$/,
];
const LOCAL_PATHS = [WORKSPACE_ROOT, tmpdir(), homedir()].filter((path) => path.length > 1).map((path) => `${path}/`);
/** An absolute path starts where no path character stands before it: `src/resources/root/` is not `/root/`. */
const LOCAL_PATH_PATTERNS = LOCAL_PATHS.map((prefix) => ({ prefix, pattern: new RegExp(`(?<![\\w.~/-])${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }));

/** Every file a package.json points to: main, module, types, bin and each `exports` target. */
function entryPoints(manifest) {
  const targets = [manifest.main, manifest.module, manifest.types, ...Object.values(manifest.bin ?? {})];
  const walk = (value) => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(walk) : []);
  return [...targets, ...walk(manifest.exports)].filter(Boolean).map((path) => path.replace(/^\.\//, ''));
}

/** The problems of one packed public package; an empty list when it is as users should get it. */
export function tarballProblems({ name, tarball }) {
  const { dir } = PUBLIC_PACKAGES.find((p) => p.name === name);
  const entries = tarballEntries(tarball);
  const paths = new Set(entries.map((e) => e.path));
  const manifest = JSON.parse(entries.find((e) => e.path === 'package.json').content.toString('utf8'));
  const problems = [];
  const expectFile = (path, why) => paths.has(path) || problems.push(`no ${path} (${why})`);

  expectFile('README.md', 'the registry page');
  expectFile('LICENSE', 'MIT, as the package declares');
  if (existsSync(join(WORKSPACE_ROOT, dir, 'CHANGELOG.md'))) expectFile('CHANGELOG.md', 'it exists in the workspace');
  for (const entry of entryPoints(manifest)) if (entry !== 'package.json') expectFile(entry, 'package.json points to it');
  const license = entries.find((e) => e.path === 'LICENSE');
  if (license && license.content.toString('utf8') !== readFileSync(join(WORKSPACE_ROOT, 'LICENSE'), 'utf8')) problems.push('LICENSE differs from the root LICENSE');

  for (const { path, content } of entries) {
    if (NOT_FOR_USERS.some((pattern) => pattern.test(path))) problems.push(`ships ${path}, which users do not run`);
    const text = content.toString('utf8');
    const local = LOCAL_PATH_PATTERNS.find(({ pattern }) => pattern.test(text));
    if (local) problems.push(`${path} contains the local path ${local.prefix}`);
  }

  const repository = manifest.repository ?? {};
  if (manifest.license !== 'MIT') problems.push(`license ${manifest.license}`);
  if (!/^git\+https:\/\/github\.com\/.+\.git$/.test(repository.url ?? '') || repository.directory !== dir) problems.push(`repository ${JSON.stringify(repository)}`);
  if (!/^https:\/\//.test(manifest.homepage ?? '')) problems.push(`homepage ${manifest.homepage}`);
  if (!/^https:\/\/.+\/issues$/.test(manifest.bugs?.url ?? '')) problems.push(`bugs ${JSON.stringify(manifest.bugs)}`);
  if (manifest.publishConfig?.access !== 'public' || manifest.publishConfig?.provenance !== true) problems.push(`publishConfig ${JSON.stringify(manifest.publishConfig)}`);
  if (!manifest.engines?.node) problems.push('no engines.node');
  // pnpm pack leaves prepack out of the packed manifest: the workspace's says what packing ran.
  const workspaceManifest = JSON.parse(readFileSync(join(WORKSPACE_ROOT, dir, 'package.json'), 'utf8'));
  if (!workspaceManifest.scripts?.prepack) problems.push('no prepack script (a stale dist/ could be published)');
  const ranges = { ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies };
  for (const [dep, range] of Object.entries(ranges)) if (/^(workspace|catalog|link|file):/.test(range)) problems.push(`dependency ${dep}@${range}`);
  if (name !== '@gigapay/openapi') {
    const { version } = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'spec/dist/openapi.json'), 'utf8')).info;
    if (manifest.gigapay?.specVersion !== version) problems.push(`gigapay.specVersion ${manifest.gigapay?.specVersion}, the bundled spec is ${version}`);
  }
  return problems;
}
