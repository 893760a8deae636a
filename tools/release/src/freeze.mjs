// Freezing a release: its bundled spec and API reports copied to releases/<version>/.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { API_ENTRIES, reportFile } from './api-reports.mjs';
import { SEMVER } from './releases.mjs';
import { ROOT } from './workspace.mjs';

/** Freezes the current bundled spec and API reports as release `version` (in `root`). */
export function freezeRelease(version, root = ROOT) {
  if (!SEMVER.test(version)) throw new Error(`not a release version: ${version}`);
  const dir = join(root, 'releases', version);
  mkdirSync(join(dir, 'api'), { recursive: true });
  cpSync(join(root, 'spec', 'dist', 'openapi.json'), join(dir, 'openapi.json'));
  for (const entry of API_ENTRIES) cpSync(reportFile(entry, root), join(dir, 'api', `${entry.report}.api.md`));
  return dir;
}
