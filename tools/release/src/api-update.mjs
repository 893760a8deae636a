#!/usr/bin/env node
// `npm run api:update`: (re)writes the committed API reports, <package>/api/<name>.api.md, from the
// built packages. The one command to run after a change to what a public package exports.
import { relative } from 'node:path';
import { writeReports } from './api-reports.mjs';
import { ROOT } from './workspace.mjs';

for (const { file, changed } of writeReports()) console.log(`${changed ? 'wrote    ' : 'unchanged'} ${relative(ROOT, file)}`);
