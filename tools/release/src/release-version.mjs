#!/usr/bin/env node
// `npm run release:version`, the version step of the release workflow (it makes the "Version
// Packages" pull request): `changeset version` bumps the public packages and writes their
// CHANGELOGs, then the release's bundled spec, API reports and docs pages are frozen in
// releases/<version>/, the baseline of the next api:check and the source of that version's docs.
// Runs in the current directory's workspace (release:dry runs it in a temporary copy).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { writeReports } from './api-reports.mjs';
import { changesetVersion } from './changesets.mjs';
import { freezeRelease } from './freeze.mjs';
import { releasedVersions } from './releases.mjs';
import { pnpmCommand, readJson } from './workspace.mjs';

const root = process.cwd();
process.stdout.write(changesetVersion(root));
const version = readJson(join(root, 'spec', 'package.json')).version;
if (releasedVersions(join(root, 'releases')).includes(version)) {
  console.log(`${version} is already frozen in releases/${version}/: nothing to release.`);
  process.exit(0);
}
// The reports come from the built declarations: build what they need first.
const [pnpm, pnpmArgs] = pnpmCommand(root);
execFileSync(pnpm, [...pnpmArgs, 'exec', 'turbo', 'run', 'build', 'generate', '--filter=@gigapay/release^...', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit' });
writeReports(root);
freezeRelease(version, root);
console.log(`Froze release ${version}: ${join('releases', version, 'openapi.json')}, the API reports in ${join('releases', version, 'api')}/ and the docs pages in ${join('releases', version, 'docs')}/.`);

