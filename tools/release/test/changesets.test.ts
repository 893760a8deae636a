// `changeset version` as the release workflow runs it, in a copy of this workspace: only the four
// public packages move, all to one version, and the first release is 1.0.0.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changesetVersion, declaredBump, pendingChangesets } from '../src/changesets.mjs';
import { copyWorkspace, PUBLIC_PACKAGES, ROOT, workspacePackages } from '../src/workspace.mjs';

const publicNames = PUBLIC_PACKAGES.map(({ name }) => name);
const copies: string[] = [];
afterEach(() => {
  for (const copy of copies.splice(0)) rmSync(copy, { recursive: true, force: true });
});

function versionedCopy(prepare: (copy: string) => void) {
  const copy = copyWorkspace();
  copies.push(copy);
  const before = workspacePackages(copy);
  prepare(copy);
  changesetVersion(copy);
  const after = new Map(workspacePackages(copy).map((pkg) => [pkg.name, pkg]));
  return { copy, before, after };
}

describe('changeset version', () => {
  it('with the pending changesets releases 1.0.0 of exactly the public packages, each with a CHANGELOG.md', () => {
    const { copy, before, after } = versionedCopy(() => {});
    for (const pkg of before) {
      const versioned = after.get(pkg.name)!;
      if (publicNames.includes(pkg.name)) {
        expect(versioned.version, pkg.name).toBe('1.0.0');
        const changelog = readFileSync(join(copy, pkg.dir, 'CHANGELOG.md'), 'utf8');
        expect(changelog).toMatch(new RegExp(`^# ${pkg.name}\\n\\n## 1\\.0\\.0\\n`));
        // Written for users: no commit hash in front of an entry.
        expect(changelog).not.toMatch(/^- [0-9a-f]{7}:/m);
        expect(changelog).toContain('the first stable release');
      } else {
        expect(pkg.private, `${pkg.name} is not public, so it must be private`).toBe(true);
        expect(versioned.version, pkg.name).toBe(pkg.version);
        expect(existsSync(join(copy, pkg.dir, 'CHANGELOG.md')), `${pkg.name} gets no changelog`).toBe(false);
      }
    }
    // What `changeset publish` tags after publishing: one tag per public package, none for the others.
    execFileSync(process.execPath, [join(ROOT, 'node_modules', '@changesets', 'cli', 'bin.js'), 'tag'], { cwd: copy, stdio: 'ignore' });
    const tags = execFileSync('git', ['tag', '--list'], { cwd: copy, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(tags.sort()).toEqual(publicNames.map((name) => `${name}@1.0.0`).sort());
  });

  it('with one test changeset for one package bumps the whole public group, and nothing else', () => {
    const { before, after } = versionedCopy((copy) => {
      for (const { file } of pendingChangesets(join(copy, '.changeset'))) unlinkSync(join(copy, '.changeset', file));
      writeFileSync(join(copy, '.changeset', 'test-fix.md'), '---\n"@gigapay/client": patch\n---\n\nA test fix.\n');
    });
    const moved = before.filter((pkg) => after.get(pkg.name)!.version !== pkg.version).map((pkg) => pkg.name);
    expect(moved.sort()).toEqual([...publicNames].sort());
    const group = new Set(publicNames.map((name) => after.get(name)!.version));
    expect(group.size).toBe(1);
  });

  it('the declared bump is the largest a pending changeset names for a public package', () => {
    expect(declaredBump(pendingChangesets(), publicNames)).toBe('major');
    const changesets = [
      { file: 'a.md', releases: { '@gigapay/types': 'patch' }, summary: '' },
      { file: 'b.md', releases: { '@gigapay/docs': 'major', '@gigapay/sandbox': 'minor' }, summary: '' },
    ];
    expect(declaredBump(changesets, publicNames)).toBe('minor');
    expect(declaredBump([], publicNames)).toBe('none');
  });
});
