// Freezing the next major beside 1.0.0 (what `release:version` does after `changeset version`): the
// bundled spec and every API report land in releases/<version>/, the older release is left as it
// was, and the new one is the baseline of the next api:check.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { API_ENTRIES, reportFile } from '../src/api-reports.mjs';
import { freezeRelease } from '../src/freeze.mjs';
import { latestRelease, releasedVersions } from '../src/releases.mjs';
import { ROOT } from '../src/workspace.mjs';

describe('freezing 2.0.0 beside 1.0.0', () => {
  // A root with what the freeze reads: the checkout's bundled spec, API reports and releases.
  const root = mkdtempSync(join(tmpdir(), 'gigapay-freeze-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const copy = (path: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    cpSync(join(ROOT, path), join(root, path), { recursive: true });
  };
  copy('spec/dist/openapi.json');
  copy('releases');
  for (const entry of API_ENTRIES) copy(reportFile(entry, '.'));
  const next = `${Number(latestRelease(join(ROOT, 'releases'))!.version.split('.')[0]) + 1}.0.0`;
  const before = Object.fromEntries(releasedVersions(join(root, 'releases')).map((version) => [version, readdirSync(join(root, 'releases', version), { recursive: true }).sort()]));
  const dir = freezeRelease(next, root);

  it('writes the spec and every API report of the new release', () => {
    expect(dir).toBe(join(root, 'releases', next));
    expect(readFileSync(join(dir, 'openapi.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'spec', 'dist', 'openapi.json'), 'utf8'));
    for (const entry of API_ENTRIES) expect(readFileSync(join(dir, 'api', `${entry.report}.api.md`), 'utf8'), entry.report).toBe(readFileSync(reportFile(entry), 'utf8'));
  });

  it('makes it the last release (the baseline of the next api:check), the older ones untouched', () => {
    expect(latestRelease(join(root, 'releases'))!.version).toBe(next);
    for (const [version, files] of Object.entries(before)) expect(readdirSync(join(root, 'releases', version), { recursive: true }).sort(), version).toEqual(files);
    expect(releasedVersions(join(root, 'releases'))).toContain('1.0.0');
  });
});
