#!/usr/bin/env node
// The docs site per version, as GitHub Pages serves it (docs.yml): the latest release at /, each
// release at /v<major>.<minor>/ (its latest patch), every page with a version switcher, and a
// changelog page at /changelog/ built from the packages' CHANGELOGs (and the pending changesets).
// Each version is rendered by build.mjs from the spec that release froze (releases/<version>/openapi.json),
// with the pages it froze (releases/<version>/docs/*.md, see pages.mjs; none before they existed);
// before the first release, / shows the current spec and pages/, marked unreleased.
//
//   node scripts/versions.mjs [--out <dir>] [--releases <dir>]     (default: site/, ../../releases/)
//   node scripts/versions.mjs --serve [port]     builds it, then serves it on 127.0.0.1 (`npm run docs`;
//                                                port: default $PORT or 8080, 0 for any free one)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pendingChangesets } from '@gigapay/release/changesets';
import { releasedVersions } from '@gigapay/release/releases';
import { PUBLIC_PACKAGES, RELEASES_DIR, ROOT } from '@gigapay/release/workspace';
import { renderChangelogPage } from './changelog-page.mjs';
import { DOCS_DIR, SPEC_FILE } from './docs-spec.mjs';
import { PAGES_DIR, readPages } from './pages.mjs';
import { serveDirectory } from './serve.mjs';
import { switcherHtml } from './switcher.mjs';

export const SITE_DIR = join(DOCS_DIR, 'site');
const BUILD = join(DOCS_DIR, 'scripts', 'build.mjs');

/**
 * The versions the site shows, newest first: the latest patch of each minor release, as
 * { label: 'v1.1', version: '1.1.2', path: 'v1.1/', spec, pages, latest } (`pages`: the folder of
 * its frozen pages). Before any release: one entry, the current spec and pages at /, labelled unreleased.
 */
export function siteVersions(releasesDir = RELEASES_DIR) {
  const byMinor = new Map();
  for (const version of releasedVersions(releasesDir)) byMinor.set(version.split('.').slice(0, 2).join('.'), version);
  const versions = [...byMinor].reverse().map(([minor, version], index) => ({
    label: `v${minor}`,
    version,
    path: `v${minor}/`,
    spec: join(releasesDir, version, 'openapi.json'),
    pages: join(releasesDir, version, 'docs'),
    latest: index === 0,
  }));
  if (versions.length) return versions;
  return [{ label: 'unreleased', version: 'unreleased', path: '', spec: SPEC_FILE, pages: PAGES_DIR, latest: true }];
}

/** Where the getting-started guide of a built version is: its own page, or a section of the overview. */
export function gettingStartedHref(versionDir, spec) {
  for (const page of ['getting-started/', 'getting-started.html']) {
    if (existsSync(join(versionDir, page.endsWith('/') ? `${page}index.html` : page))) return page;
  }
  return /^#{1,2} Getting started\s*$/im.test(spec.info?.description ?? '') ? '#/section/getting-started' : undefined;
}

function buildVersion(version, outDir, allowMissingSamples) {
  const args = [BUILD, '--spec', version.spec, '--out', outDir];
  if (existsSync(version.pages)) args.push('--pages', version.pages);
  // A release's spec may name operations whose samples were renamed since: render it all the same.
  if (allowMissingSamples) args.push('--allow-missing-samples');
  const result = spawnSync(process.execPath, args, { cwd: DOCS_DIR, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`docs build of ${version.label} failed:\n${result.stdout}${result.stderr}`);
}

/** Puts the switcher at the start of <body> of `file`, with links relative to that page. */
function addSwitcher(file, context) {
  const html = readFileSync(file, 'utf8');
  const at = html.indexOf('<body>');
  if (at < 0) throw new Error(`${file}: no <body> to put the version switcher in`);
  writeFileSync(file, html.slice(0, at + '<body>'.length) + switcherHtml(context) + html.slice(at + '<body>'.length));
}

/** The CHANGELOG.md of each public package that has one, as { name, text }. */
function changelogs(root = ROOT) {
  return PUBLIC_PACKAGES.map(({ name, dir }) => ({ name, file: join(root, dir, 'CHANGELOG.md') }))
    .filter(({ file }) => existsSync(file))
    .map(({ name, file }) => ({ name, text: readFileSync(file, 'utf8') }));
}

/**
 * Builds the whole site into outDir. Returns what it built: { versions, pages } (pages relative to outDir).
 * @param {{ outDir?: string, releasesDir?: string, root?: string }} [options]
 */
export function buildVersionedSite({ outDir = SITE_DIR, releasesDir = RELEASES_DIR, root = ROOT } = {}) {
  const versions = siteVersions(releasesDir);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const latest = versions[0];
  for (const version of versions) {
    const dir = join(outDir, version.path);
    buildVersion(version, dir, version.version !== 'unreleased');
  }
  // The latest release again at /, so that the site's address always shows it.
  if (latest.path) cpSync(join(outDir, latest.path), outDir, { recursive: true });

  const pages = [];
  const gettingStartedOf = (dir) => gettingStartedHref(dir, JSON.parse(readFileSync(join(dir, 'openapi.json'), 'utf8')));
  /** The reference of a version at `path`, then each of its own pages one level down, each with the switcher. */
  const pagesOf = (path, current) => {
    const dir = join(outDir, path);
    const base = path ? '../' : '';
    const gettingStarted = gettingStartedOf(dir);
    const ownPages = readPages(current.pages).map(({ slug, title }) => ({ slug, href: `${slug}/`, title }));
    addSwitcher(join(dir, 'index.html'), { versions, current, base, gettingStarted, pages: ownPages });
    pages.push(`${path}index.html`);
    for (const page of ownPages) {
      // From the page, the reference is one level up: the same links, one `../` more.
      const up = (href) => href && `../${href}`;
      addSwitcher(join(dir, page.href, 'index.html'), {
        versions,
        current,
        base: `../${base}`,
        gettingStarted: up(gettingStarted),
        pages: ownPages.map((other) => ({ ...other, href: up(other.href), current: other === page })),
      });
      pages.push(`${path}${page.href}index.html`);
    }
  };
  pagesOf('', latest);
  for (const version of versions) if (version.path) pagesOf(version.path, version);
  const latestGettingStarted = gettingStartedOf(outDir);
  const latestPages = readPages(latest.pages).map(({ slug, title }) => ({ slug, href: `../${slug}/`, title }));

  mkdirSync(join(outDir, 'changelog'), { recursive: true });
  const changelogHtml = renderChangelogPage({
    changelogs: changelogs(root),
    pending: pendingChangesets(join(root, '.changeset')),
    switcher: switcherHtml({ versions, current: undefined, base: '../', page: 'changelog', gettingStarted: latestGettingStarted && `../${latestGettingStarted}`, pages: latestPages }),
  });
  writeFileSync(join(outDir, 'changelog', 'index.html'), changelogHtml);
  pages.push('changelog/index.html');
  writeFileSync(join(outDir, 'versions.json'), JSON.stringify(versions.map(({ label, version, path, latest }) => ({ label, version, path, latest })), null, 2) + '\n');
  return { versions, pages };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ options: { out: { type: 'string' }, releases: { type: 'string' }, serve: { type: 'boolean' } }, allowPositionals: true });
  const port = Number(positionals[0] ?? process.env.PORT ?? 8080);
  if (positionals.length > (values.serve ? 1 : 0) || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`usage: node scripts/versions.mjs [--out <dir>] [--releases <dir>] [--serve [port]]   (got "${positionals.join(' ')}")`);
    process.exit(2);
  }
  const started = performance.now();
  const outDir = values.out ? resolve(values.out) : SITE_DIR;
  const { versions, pages } = buildVersionedSite({ outDir, releasesDir: values.releases ? resolve(values.releases) : RELEASES_DIR });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Versioned docs site built in ${seconds} s: ${versions.map((v) => `${v.label} (${v.version})`).join(', ')}; ${pages.length} pages in ${relative(process.cwd(), outDir) || '.'}/`);
  if (values.serve) {
    const { url } = await serveDirectory(outDir, { port });
    console.log(`Gigapay API docs, every version, on ${url}  (Ctrl+C to stop)`);
  }
}
