#!/usr/bin/env node
// `npm run api:update`: (re)writes the committed API reports, <package>/api/<name>.api.md, from the
// built packages. The one command to run after a change to what a public package exports.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { API_ENTRIES, ensureReportDir, generateReport, readCommittedReport, reportFile } from './api-reports.mjs';
import { ROOT } from './workspace.mjs';

for (const entry of API_ENTRIES) {
  const text = generateReport(entry);
  const changed = readCommittedReport(entry) !== text;
  ensureReportDir(entry);
  writeFileSync(reportFile(entry), text);
  console.log(`${changed ? 'wrote    ' : 'unchanged'} ${relative(ROOT, reportFile(entry))}`);
}
