// Freezing a release: its bundled spec, API reports and docs pages copied to releases/<version>/.
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { API_ENTRIES, reportFile } from './api-reports.mjs';
import { SEMVER } from './releases.mjs';
import { ROOT } from './workspace.mjs';

/** The docs site's own pages (packages/docs/pages/*.md): each version of the site shows those its release froze. */
export const DOCS_PAGES_DIR = join('packages', 'docs', 'pages');

/** Freezes the current bundled spec, API reports and docs pages as release `version` (in `root`). */
export function freezeRelease(version, root = ROOT) {
  if (!SEMVER.test(version)) throw new Error(`not a release version: ${version}`);
  const dir = join(root, 'releases', version);
  mkdirSync(join(dir, 'api'), { recursive: true });
  cpSync(join(root, 'spec', 'dist', 'openapi.json'), join(dir, 'openapi.json'));
  for (const entry of API_ENTRIES) cpSync(reportFile(entry, root), join(dir, 'api', `${entry.report}.api.md`));
  // As written, code blocks included: the page of a release shows the code of that release.
  const pages = join(root, DOCS_PAGES_DIR);
  const markdown = existsSync(pages) ? readdirSync(pages).filter((name) => name.endsWith('.md')) : [];
  if (markdown.length) mkdirSync(join(dir, 'docs'), { recursive: true });
  for (const name of markdown) cpSync(join(pages, name), join(dir, 'docs', name));
  return dir;
}
