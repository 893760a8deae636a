// Changesets as the gate and the dry run need them: the bump each pending changeset declares, and
// `changeset version` run in a copy of the workspace.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './workspace.mjs';

export const BUMPS = ['none', 'patch', 'minor', 'major'];
const CHANGESET_BIN = join(ROOT, 'node_modules', '@changesets', 'cli', 'bin.js');

/** The pending changesets of .changeset/ as [{ file, releases: { name: bump }, summary }]. */
export function pendingChangesets(changesetDir = join(ROOT, '.changeset')) {
  return readdirSync(changesetDir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .map((file) => {
      const text = readFileSync(join(changesetDir, file), 'utf8');
      const front = /^---\n([\s\S]*?)\n?---\n?([\s\S]*)$/.exec(text);
      if (!front) throw new Error(`.changeset/${file}: no front matter (--- "<package>": <bump> ---)`);
      const releases = parse(front[1]) ?? {};
      for (const [name, bump] of Object.entries(releases)) {
        if (!BUMPS.includes(bump)) throw new Error(`.changeset/${file}: "${name}: ${bump}" is not one of ${BUMPS.join(', ')}`);
      }
      return { file, releases, summary: front[2].trim() };
    });
}

/**
 * The bump the pending changesets declare for the public group. The group is fixed (one version for
 * all its packages), so a changeset for any one of them moves them all.
 */
export function declaredBump(changesets, publicNames) {
  let bump = 'none';
  for (const { releases } of changesets) {
    for (const [name, declared] of Object.entries(releases)) {
      if (publicNames.includes(name) && BUMPS.indexOf(declared) > BUMPS.indexOf(bump)) bump = declared;
    }
  }
  return bump;
}

/** Runs `changeset version` in `dir` (a copy of the workspace: it rewrites package.json files). */
export function changesetVersion(dir) {
  return execFileSync(process.execPath, [CHANGESET_BIN, 'version'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
