// The public packages exactly as a past release published them. releases/<version>/ freezes only
// the bundled spec and the API reports, and nothing was published anywhere we can reach, so the
// tarballs are packed again from the commit that froze releases/<version>/ (the release commit:
// its packages carry that version): its tree is exported with `git archive`, installed with pnpm
// from its own lockfile, and packed with each package's own `prepack` build. The tarballs are
// cached under .cache/releases/<version>-<commit>/, so that only a fresh checkout pays for it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOrThrow } from './process.mjs';
import { PUBLIC_PACKAGES, WORKSPACE_ROOT, describeTarball, packPackages } from './registry.mjs';
import { pnpmCommand } from '../../release/src/workspace.mjs';

export const RELEASES_CACHE = join(dirname(fileURLToPath(import.meta.url)), '../.cache/releases');

/** The commit that added releases/<version>/openapi.json: the release commit of `version`. */
export function releaseCommit(version, root = WORKSPACE_ROOT) {
  const frozen = `releases/${version}/openapi.json`;
  let commit = '';
  try {
    commit = execFileSync('git', ['log', '--diff-filter=A', '--format=%H', '-1', '--', frozen], { cwd: root, encoding: 'utf8' }).trim();
  } catch (error) {
    throw new Error(`Release ${version}: git log failed: ${String(error.stderr ?? error.message).trim()}`);
  }
  if (!commit) throw new Error(`Release ${version}: no commit adds ${frozen} (not released, or a shallow clone without that commit)`);
  return commit;
}

/**
 * The tarballs of release `version`, one per public package in dependency order, as
 * `{ name, version, tarball, packedSize, unpackedSize, files }`: from the cache when a complete set
 * is there, else packed from the release commit (about 1.5 min on 2 cores) and cached.
 */
export async function releaseTarballs(version, { cacheDir = RELEASES_CACHE, root = WORKSPACE_ROOT } = {}) {
  const commit = releaseCommit(version, root);
  const dir = join(cacheDir, `${version}-${commit.slice(0, 12)}`);
  const index = join(dir, 'tarballs.json'); // written last: a set without it is incomplete
  if (existsSync(index)) {
    const cached = JSON.parse(readFileSync(index, 'utf8'));
    if (cached.every(({ file }) => existsSync(join(dir, file)))) return cached.map(({ name, file }) => describeTarball(name, version, join(dir, file)));
  }
  const tree = mkdtempSync(join(tmpdir(), `gigapay-release-${version}-`));
  try {
    await exportTree(commit, tree, root);
    const packed = await packPackages({ root: tree, packDir: join(tree, '.packed') });
    const wrong = packed.filter((p) => p.version !== version);
    if (wrong.length) throw new Error(`Release ${version}: the packages of ${commit.slice(0, 12)} are ${wrong.map((p) => `${p.name}@${p.version}`).join(', ')}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const p of packed) cpSync(p.tarball, join(dir, basename(p.tarball)));
    writeFileSync(index, `${JSON.stringify(packed.map((p) => ({ name: p.name, file: basename(p.tarball) })), null, 2)}\n`);
    return packed.map((p) => describeTarball(p.name, version, join(dir, basename(p.tarball))));
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}

/** `commit`'s files in `tree`, installed: only the public packages and what they build with. */
async function exportTree(commit, tree, root) {
  await runOrThrow(`git archive ${commit.slice(0, 12)}`, 'sh', ['-c', `git -C "$1" archive "$2" | tar -x -C "$3"`, 'sh', root, commit, tree], { timeoutMs: 60_000 });
  const [pnpm, pnpmArgs] = pnpmCommand(tree);
  const filters = PUBLIC_PACKAGES.flatMap(({ name }) => ['--filter', `${name}...`]);
  await runOrThrow(`pnpm install (release commit ${commit.slice(0, 12)})`, pnpm, [...pnpmArgs, 'install', '--frozen-lockfile', '--prefer-offline', ...filters], {
    cwd: tree,
    env: { ...process.env, CI: 'true' },
    timeoutMs: 300_000,
  });
}
