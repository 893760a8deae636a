import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relative } from 'node:path';
import { bundledSpec, repoRoot, splitSpec } from '../src/paths.js';
import { acceptedWarnings, spectralLint, unexplained, type Finding } from '../src/spectral.js';

// One Spectral run over the three documents, its findings told apart by file: the bundle's and the
// broken copy's are in those files, the split sources' in spec/openapi.yaml and the files it refers to.
const broken = brokenBundle();
const findings = spectralLint([splitSpec, bundledSpec, broken]);
const fileOf = (document: string) => relative(repoRoot, document);
const runs = {
  bundle: findings.then((all) => all.filter((finding) => finding.file === fileOf(bundledSpec))),
  broken: findings.then((all) => all.filter((finding) => finding.file === fileOf(broken))),
  split: findings.then((all) => all.filter((finding) => ![fileOf(bundledSpec), fileOf(broken)].includes(finding.file))),
};

/** A copy of the bundle with one real mistake: an operation's response without its required `description`. */
function brokenBundle(): string {
  const spec = JSON.parse(readFileSync(bundledSpec, 'utf8'));
  delete spec.paths['/payouts/'].get.responses['200'].description;
  const file = join(mkdtempSync(join(tmpdir(), 'spectral-')), 'openapi.json');
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

const errors = (findings: Finding[]) => findings.filter((finding) => finding.severity === 'error');

describe.each(['split', 'bundle'] as const)('Spectral (spectral:oas) on the %s spec', (which) => {
  // The first test waits for the one Spectral run; its wait is Spectral's hang guard.
  it('does not crash and finds no error', { timeout: 300_000 }, async () => {
    expect(errors(await runs[which])).toEqual([]);
  });

  it('leaves only the warnings listed with their reasons', async () => {
    const findings = await runs[which];
    expect(unexplained(findings)).toEqual([]);
    for (const accepted of acceptedWarnings) expect(findings.some((finding) => finding.code === accepted.code), accepted.code).toBe(true);
  });
});

describe('Spectral on a broken copy of the bundle', () => {
  it('reports the error, so the checks above can fail', async () => {
    expect(errors(await runs.broken)).toContainEqual(expect.objectContaining({ code: 'oas3-schema', path: 'paths./payouts/.get.responses.200' }));
  });
});

it('the README lists every accepted warning', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  for (const accepted of acceptedWarnings) expect(readme).toContain(`\`${accepted.code}\``);
});
