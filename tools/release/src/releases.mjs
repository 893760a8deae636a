// releases/<version>/ keeps what each release froze: the bundled spec (openapi.json, so that its
// docs can be rebuilt and the gate can diff against it) and the API reports (api/*.api.md).
// The release workflow's version step writes it; nothing else does.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RELEASES_DIR } from './workspace.mjs';

export const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;
export const compareVersions = (a, b) => {
  const [x, y] = [SEMVER.exec(a), SEMVER.exec(b)];
  for (let i = 1; i <= 3; i++) if (Number(x[i]) !== Number(y[i])) return Number(x[i]) - Number(y[i]);
  return 0;
};

/** The released versions, oldest first: the folders of releases/ that hold an openapi.json. */
export function releasedVersions(releasesDir = RELEASES_DIR) {
  if (!existsSync(releasesDir)) return [];
  return readdirSync(releasesDir)
    .filter((name) => SEMVER.test(name) && existsSync(join(releasesDir, name, 'openapi.json')))
    .sort(compareVersions);
}

/** The last release as { version, dir }, or undefined before the first one. */
export function latestRelease(releasesDir = RELEASES_DIR) {
  const version = releasedVersions(releasesDir).at(-1);
  return version ? { version, dir: join(releasesDir, version) } : undefined;
}
