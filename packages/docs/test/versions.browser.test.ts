// The versioned site (scripts/versions.mjs) built from fixture releases and driven in Chromium: the
// switcher on every page, an older version with what it had then, and the changelog page.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { releasedVersions } from '@gigapay/release/releases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSpec } from '../scripts/docs-spec.mjs';
import { PAGES_DIR, readPages } from '../scripts/pages.mjs';
import { operationsOf } from '../scripts/samples.mjs';
import { serveDirectory } from '../scripts/serve.mjs';
import { buildVersionedSite, siteVersions } from '../scripts/versions.mjs';
import { launchChromium } from './chromium';

const fixture = mkdtempSync(join(tmpdir(), 'gigapay-versioned-docs-'));
const releasesDir = join(fixture, 'releases');
const root = join(fixture, 'root');
const outDir = join(fixture, 'site');

// 1.1.0 (today's spec, with a getting-started section, and today's pages) added one operation;
// 1.0.0 and 1.0.1 had none of these.
const current = readSpec();
const added = operationsOf(current).at(-1)!;
const GETTING_STARTED = /^# Getting started\s*$/m;
if (!GETTING_STARTED.test(current.info.description)) current.info.description = `# Getting started\n\nInstall the packages.\n\n${current.info.description}`;
const older = structuredClone(current);
older.info.description = older.info.description.replace(GETTING_STARTED, '# Before you start');
delete older.paths[added.path][added.method];
if (!Object.keys(older.paths[added.path]).some((key) => ['get', 'put', 'post', 'patch', 'delete'].includes(key))) delete older.paths[added.path];
const pages = readPages(PAGES_DIR);
const clientPage = pages.find((page) => page.slug === 'client')!;
const release = (version: string, spec: object, withPages = false) => {
  mkdirSync(join(releasesDir, version, 'docs'), { recursive: true });
  writeFileSync(join(releasesDir, version, 'openapi.json'), JSON.stringify(spec));
  // As release:version freezes them (tools/release/src/freeze.mjs).
  if (withPages) for (const page of pages) writeFileSync(join(releasesDir, version, 'docs', `${page.slug}.md`), page.markdown);
};
const changelog = (dir: string, name: string, entries: Record<string, string>) => {
  mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, dir, 'CHANGELOG.md'), `# ${name}\n\n${Object.entries(entries).map(([version, text]) => `## ${version}\n\n### Minor Changes\n\n- ${text}\n`).join('\n')}`);
};

describe('the versions the site shows', () => {
  it('of this checkout: the last release in releases/ is the latest version of the site (the current spec only once released)', () => {
    // Derived from releases/, so that cutting the next release needs no edit here.
    const last = releasedVersions().at(-1)!;
    const minor = last.split('.').slice(0, 2).join('.');
    expect(siteVersions()[0]).toMatchObject({ label: `v${minor}`, version: last, path: `v${minor}/`, latest: true });
  });

  it('the latest patch of each minor, newest first; before any release, the current spec as unreleased', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gigapay-versions-'));
    try {
      expect(siteVersions(dir)).toMatchObject([{ label: 'unreleased', path: '', latest: true }]);
      for (const version of ['1.0.0', '1.0.1', '1.1.0', '2.0.0', 'not-a-version']) {
        mkdirSync(join(dir, version));
        writeFileSync(join(dir, version, 'openapi.json'), '{}');
      }
      expect(siteVersions(dir).map(({ label, version, path, latest }) => ({ label, version, path, latest }))).toEqual([
        { label: 'v2.0', version: '2.0.0', path: 'v2.0/', latest: true },
        { label: 'v1.1', version: '1.1.0', path: 'v1.1/', latest: false },
        { label: 'v1.0', version: '1.0.1', path: 'v1.0/', latest: false },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// GIGAPAY_SKIP_BROWSER_TESTS=1 is the one explicit opt-out; a missing Chromium otherwise fails.
describe.skipIf(process.env.GIGAPAY_SKIP_BROWSER_TESTS === '1')('the versioned site in Chromium', () => {
  let site: Awaited<ReturnType<typeof serveDirectory>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let built: ReturnType<typeof buildVersionedSite>;

  beforeAll(async () => {
    release('1.0.0', older);
    release('1.0.1', older);
    release('1.1.0', current, true);
    changelog('spec', '@gigapay/openapi', { '1.1.0': `\`${added.operationId}\`: a new operation.`, '1.0.1': 'Clearer descriptions.', '1.0.0': 'First stable release.' });
    changelog('packages/client', '@gigapay/client', { '1.1.0': 'The client types the new operation.', '1.0.0': 'First stable release.' });
    mkdirSync(join(root, '.changeset'));
    writeFileSync(join(root, '.changeset', 'next.md'), '---\n"@gigapay/client": patch\n---\n\nA fix that is not released yet.\n');
    built = buildVersionedSite({ outDir, releasesDir, root });
    site = await serveDirectory(outDir, { port: 0 });
    browser = await launchChromium();
    // Two redocly builds (v1.1, v1.0) and a Chromium launch: a few seconds each on a quiet machine.
  }, 3 * 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    rmSync(fixture, { recursive: true, force: true });
  });

  const switcher = () => browser.page.locator('#gigapay-versions');
  const menuItem = (label: string) => browser.page.locator(`[data-component-name="Menu/MenuItem"] a`).filter({ has: browser.page.locator(`[data-text=${JSON.stringify(label)}]`) });
  /** Opens the sidebar group of the operation added in 1.1, and counts its entry there (0 or 1). */
  async function addedInMenu() {
    const tag = menuItem(added.operation.tags[0]);
    await tag.waitFor();
    await tag.click();
    const tagRoute = (await tag.getAttribute('href'))!;
    // The group's first entry shows once it is open; then the added operation is there or not.
    await browser.page.locator(`[data-component-name="Menu/MenuItem"] a[href^=${JSON.stringify(`${tagRoute}/`)}]`).first().waitFor();
    return menuItem(added.operation.summary).count();
  }

  it('puts the switcher on every page', () => {
    // Every page of pages/ (the client page, the migration guide…) at the top and in v1.1, which froze them; none in v1.0.
    const pageFiles = (prefix: string) => pages.map((page) => `${prefix}${page.slug}/index.html`);
    expect(built.pages.sort()).toEqual(['changelog/index.html', 'index.html', 'v1.0/index.html', 'v1.1/index.html', ...pageFiles(''), ...pageFiles('v1.1/')].sort());
    for (const page of built.pages) expect(readFileSync(join(outDir, page), 'utf8'), page).toContain('<nav id="gigapay-versions"');
  });

  it('shows the latest release at /, and the switcher lists every minor release', async () => {
    await browser.page.goto(site.url);
    await expect.poll(() => switcher().locator('summary').innerText()).toBe('Version v1.1 (latest)');
    expect(await addedInMenu()).toBe(1);
    await switcher().locator('summary').click();
    const items = switcher().locator('li a');
    await items.first().waitFor({ state: 'visible' });
    expect(await items.allInnerTexts()).toEqual(['v1.1 · 1.1.0 (latest)', 'v1.0 · 1.0.1']);
  });

  it('links the getting-started guide of the version it shows', async () => {
    await switcher().locator('summary').click(); // closes the menu again
    await switcher().locator('a[data-link="getting-started"]').click();
    await browser.page.waitForFunction(() => location.hash === '#/section/getting-started');
    await browser.page.locator('[data-section-id="/section/getting-started"]').first().waitFor({ state: 'visible' });
  });

  it('links the pages of the version it shows: the TypeScript client page, its samples, and back to the reference', async () => {
    // From the reference at / (the getting-started test left it there).
    await switcher().locator('a[data-link="page-client"]').click();
    await browser.page.waitForURL(`${site.url}client/`);
    expect(await browser.page.locator('main h1').innerText()).toBe(clientPage.title);
    expect(await switcher().locator('summary').innerText()).toBe('Version v1.1 (latest)');
    expect(await switcher().locator('a[data-link="page-client"]').getAttribute('aria-current')).toBe('page');
    expect(await browser.page.locator('main pre').count()).toBeGreaterThan(8);
    // The same page of v1.1, one level further down, links the same places.
    await browser.page.goto(`${site.url}v1.1/client/`);
    await switcher().locator('a[data-link="changelog"]').waitFor();
    expect(await switcher().locator('a[data-link="changelog"]').evaluate((link: HTMLAnchorElement) => link.href)).toBe(`${site.url}changelog/`);
    expect(await switcher().locator('a[data-link="getting-started"]').evaluate((link: HTMLAnchorElement) => link.href)).toBe(`${site.url}v1.1/#/section/getting-started`);
    expect(await switcher().locator('summary').innerText()).toBe('Version v1.1 (latest)');
    // The link is the claim: the reference it opens was checked above, so its 2.5 MB need not load again.
    expect(await browser.page.locator('a[data-link="reference"]').evaluate((link: HTMLAnchorElement) => link.href)).toBe(`${site.url}v1.1/index.html`);
  });

  it('opens an older version from the switcher: its own spec, without what came later', async () => {
    await switcher().locator('summary').click();
    await switcher().locator('a[data-version="v1.0"]').click();
    await browser.page.waitForURL(`${site.url}v1.0/`);
    await expect.poll(() => switcher().locator('summary').innerText()).toBe('Version v1.0');
    // Its sidebar lists what 1.0 had, and 1.0 had no getting-started guide and no pages to link.
    expect(await addedInMenu()).toBe(0);
    expect(await switcher().locator('a[data-link="getting-started"]').count()).toBe(0);
    expect(await switcher().locator('a[data-link^="page-"]').count()).toBe(0);
  });

  it('opens the changelog: every release newest first, the packages under each, and what is pending', async () => {
    await switcher().locator('a[data-link="changelog"]').click();
    await browser.page.waitForURL(`${site.url}changelog/`);
    expect(await browser.page.locator('main h2').allInnerTexts()).toEqual(['Unreleased', '1.1.0', '1.0.1', '1.0.0']);
    const v110 = browser.page.locator('section#v1-1-0');
    expect(await v110.locator('h3').allInnerTexts()).toEqual(['@gigapay/openapi', '@gigapay/client']);
    expect(await v110.innerText()).toContain(`${added.operationId}: a new operation.`);
    expect(await browser.page.locator('section#unreleased').innerText()).toContain('A fix that is not released yet.');
    // And back to the latest release from the changelog's own switcher.
    await switcher().locator('summary').click();
    await switcher().locator('a[data-version="v1.1"]').click();
    // The link is the claim: the page it opens was checked above, so its 2.5 MB need not load again.
    await browser.page.waitForURL(site.url, { waitUntil: 'commit' });
  });

  it('made no request off 127.0.0.1 and logged no console error', () => {
    expect(browser.offsite).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });
});
