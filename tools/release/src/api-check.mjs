#!/usr/bin/env node
// `npm run api:check`: the breaking-change gate. Diffs the bundled spec (spec/dist/openapi.json)
// against the last release's (releases/<version>/openapi.json; before the first release, against
// itself), checks every API report is current and compares it with the release's, and fails when the
// pending changesets declare a smaller bump than the changes need, naming each change and why.
import { join } from 'node:path';
import { API_ENTRIES, generateReport, readCommittedReport, specGeneratedDeclarations } from './api-reports.mjs';
import { declaredBump, pendingChangesets } from './changesets.mjs';
import { verdict } from './gate.mjs';
import { latestRelease, releasedVersions } from './releases.mjs';
import { classifySpecChanges } from './spec-diff.mjs';
import { PUBLIC_PACKAGES, readJson, ROOT as CHECKOUT } from './workspace.mjs';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

// --root <dir> checks another copy of the workspace (the tests point it at fixtures);
// --release <version> compares with an older release than the last (what changed since 1.0.0).
const { root: ROOT, release: chosen } = parseArgs({ options: { root: { type: 'string', default: CHECKOUT }, release: { type: 'string' } } }).values;
const current = readJson(join(ROOT, 'spec', 'dist', 'openapi.json'));
const release = chosen ? chosenRelease(chosen) : latestRelease(join(ROOT, 'releases'));

function chosenRelease(version) {
  if (!releasedVersions(join(ROOT, 'releases')).includes(version)) {
    console.error(`api:check: there is no release ${version} in releases/ (released: ${releasedVersions(join(ROOT, 'releases')).join(', ') || 'none'}).`);
    process.exit(2);
  }
  return { version, dir: join(ROOT, 'releases', version) };
}
const released = release ? readJson(join(release.dir, 'openapi.json')) : current;
const declared = declaredBump(pendingChangesets(join(ROOT, '.changeset')), PUBLIC_PACKAGES.map(({ name }) => name));

console.log(
  release
    ? `api:check: spec/dist/openapi.json and the API reports against release ${release.version} (releases/${release.version}/).`
    : 'api:check: no release yet (releases/ is empty): the baseline is the current spec; the API reports must be current.',
);
const reports = API_ENTRIES.map((entry) => {
  const releasedReport = release && join(release.dir, 'api', `${entry.report}.api.md`);
  return {
    name: entry.name,
    report: entry.report,
    committed: readCommittedReport(entry, ROOT),
    generated: generateReport(entry, ROOT),
    released: releasedReport && existsSync(releasedReport) ? readFileSync(releasedReport, 'utf8') : undefined,
    specGenerated: specGeneratedDeclarations(entry, ROOT),
  };
});
const result = verdict({ specChanges: classifySpecChanges(released, current), reports, declared });
for (const line of result.lines) console.log(line);
if (!result.ok) {
  for (const failure of result.failures) console.error(`\nFAIL ${failure}`);
  process.exit(1);
}
console.log('api:check passed.');
