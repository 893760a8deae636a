// `changeset version` as the release workflow runs it, in a copy of this workspace: only the four
// public packages move, all to one version; 1.0.0, the first release, has one readable entry each;
// the pending major changesets give the next major a readable entry for each package.
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
  it('1.0.0 was released with readable notes: each public package has one 1.0.0 entry, the patch entries folded in', () => {
    for (const pkg of workspacePackages(ROOT).filter((candidate) => publicNames.includes(candidate.name))) {
      const changelog = readFileSync(join(ROOT, pkg.dir, 'CHANGELOG.md'), 'utf8');
      const first = changelog.slice(changelog.indexOf('## 1.0.0'));
      expect(first, pkg.name).toMatch(/^## 1\.0\.0\n\n### Major Changes\n\n- \*\*1\.0\.0, the first stable release\*\*/);
      // One entry, no patch list of fixes to code nobody had installed, and no "Depends on" a package of its own group.
      expect(first.match(/^- /gm), pkg.name).toHaveLength(1);
      expect(first, pkg.name).not.toContain('### Patch Changes');
      expect(first, pkg.name).not.toContain('Depends on');
    }
  });

  it('with a major changeset releases the next major of exactly the public packages, its entry above the last', () => {
    const major = Number(workspacePackages(ROOT).find((pkg) => pkg.name === '@gigapay/client')!.version.split('.')[0]);
    const next = `${major + 1}.0.0`;
    const { copy, before, after } = versionedCopy((dir) => {
      for (const { file } of pendingChangesets(join(dir, '.changeset'))) unlinkSync(join(dir, '.changeset', file));
      writeFileSync(join(dir, '.changeset', 'next-major.md'), '---\n"@gigapay/client": major\n---\n\nA breaking change, with its migration note.\n');
    });
    for (const pkg of before) {
      const versioned = after.get(pkg.name)!;
      if (publicNames.includes(pkg.name)) {
        expect(versioned.version, pkg.name).toBe(next);
        const changelog = readFileSync(join(copy, pkg.dir, 'CHANGELOG.md'), 'utf8');
        expect(changelog).toMatch(new RegExp(`^# ${pkg.name}\\n\\n## ${next.replace(/\./g, '\\.')}\\n`));
        expect(changelog).toContain(`## ${major}.0.0`);
        // Written for users: no commit hash in front of an entry, no "Depends on" its own group.
        expect(changelog).not.toMatch(/^- [0-9a-f]{7}:/m);
        expect(changelog.slice(0, changelog.indexOf(`## ${major}.0.0`))).not.toContain('Depends on');
      } else {
        expect(pkg.private, `${pkg.name} is not public, so it must be private`).toBe(true);
        expect(versioned.version, pkg.name).toBe(pkg.version);
        expect(existsSync(join(copy, pkg.dir, 'CHANGELOG.md')), `${pkg.name} gets no changelog`).toBe(false);
      }
    }
    // What `changeset publish` tags after publishing: one tag per public package, none for the others.
    execFileSync(process.execPath, [join(ROOT, 'node_modules', '@changesets', 'cli', 'bin.js'), 'tag'], { cwd: copy, stdio: 'ignore' });
    const tags = execFileSync('git', ['tag', '--list'], { cwd: copy, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(tags.sort()).toEqual(publicNames.map((name) => `${name}@${next}`).sort());
  });

  // The pending major changesets (between the cut of one major and the first note of the next there
  // are none, and these two checks do not run).
  const majors = pendingChangesets(join(ROOT, '.changeset')).filter((changeset) => Object.values(changeset.releases).includes('major'));

  it.runIf(majors.length > 0)('with the pending major changesets releases the next major, each breaking note readable under Major Changes', () => {
    const major = Number(workspacePackages(ROOT).find((pkg) => pkg.name === '@gigapay/client')!.version.split('.')[0]);
    const next = `${major + 1}.0.0`;
    const { copy, after } = versionedCopy(() => {});
    for (const name of publicNames) {
      const pkg = after.get(name)!;
      expect(pkg.version, name).toBe(next);
      const changelog = readFileSync(join(copy, pkg.dir, 'CHANGELOG.md'), 'utf8');
      const entry = changelog.slice(changelog.indexOf(`## ${next}`), changelog.indexOf(`## ${major}.0.0`));
      expect(changelog.indexOf(`## ${next}`), name).toBeLessThan(changelog.indexOf(`## ${major}.0.0`));
      expect(entry, name).not.toMatch(/^- [0-9a-f]{7}:/m);
      expect(entry, name).not.toContain('Depends on');
      // Every major note of this package, whole: its first line a bullet, its later lines (the list of
      // breaking changes, what to do) indented under it, so that Markdown keeps them in one entry.
      const mine = majors.filter((changeset) => changeset.releases[name] === 'major');
      if (mine.length) expect(entry, name).toMatch(/^## \d+\.0\.0\n\n### Major Changes\n\n- /);
      for (const { summary, file } of mine) {
        const [first, ...rest] = summary.trim().split('\n');
        const asWritten = [`- ${first!.trimEnd()}`, ...rest.map((line) => (line.trim() ? `  ${line.trimEnd()}` : ''))].join('\n');
        // (changesets formats the changelog with prettier, which writes `*x*` as `_x_`.)
        const emphasisFree = (text: string) => text.replace(/[*_]/g, '');
        expect(emphasisFree(entry), `${name}: ${file}`).toContain(emphasisFree(asWritten));
      }
    }
  });

  it.runIf(majors.length > 0)('every public package says what its users must change in a major: each is named by a major changeset', () => {
    const named = new Set(majors.flatMap((changeset) => Object.entries(changeset.releases).filter(([, bump]) => bump === 'major').map(([name]) => name)));
    // The fixed group moves every package to the major; a package without a major note of its own
    // would show its users only patch notes under a new major.
    expect(publicNames.filter((name) => !named.has(name))).toEqual([]);
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
    const changesets = [
      { file: 'a.md', releases: { '@gigapay/types': 'patch' }, summary: '' },
      { file: 'b.md', releases: { '@gigapay/docs': 'major', '@gigapay/sandbox': 'minor' }, summary: '' },
    ];
    expect(declaredBump(changesets, publicNames)).toBe('minor');
    expect(declaredBump([], publicNames)).toBe('none');
  });
});
