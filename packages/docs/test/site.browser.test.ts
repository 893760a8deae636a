// The built site in a real browser (Debian's Chromium through playwright-core): every operation
// and webhook event is in the navigation under its tag and renders its panel, clicking a sidebar
// entry routes to it, the #tag deep links the descriptions use resolve, search finds an operation,
// no request leaves 127.0.0.1, and the console stays free of errors.
import { existsSync, mkdirSync } from 'node:fs';
import { chromiumPlan, missingChromium } from '../scripts/chromium.mjs';
import { join } from 'node:path';
import { type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocsSpec, DIST_DIR, DOCS_DIR, readSpec } from '../scripts/docs-spec.mjs';
import { PAGES_DIR, readPages, sampleBlocksOf } from '../scripts/pages.mjs';
import { namedRequestExamples, operationsOf, SHOWN_SERVER, webhooksOf } from '../scripts/samples.mjs';
import { serveDirectory } from '../scripts/serve.mjs';
import { launchChromium } from './chromium';

const plan = chromiumPlan(process.env);
const CHROMIUM = plan.action === 'use' || plan.action === 'install' ? plan.path : '';
const SCREENSHOT = join(DOCS_DIR, 'test-results', 'create-payout.png');
/** The page opens on this link, as shared: Create Payouts (a second page would cost a 2.5 MB load). */
const SHARED_LINK = '#/payouts/createpayout';

const spec = readSpec();
const docsSpec = buildDocsSpec(spec).docsSpec;

/**
 * The fields a request body documents, in the order Redoc lists them (the deprecated ones last): of
 * its first media type, following the first branch of each `oneOf`.
 */
function requestFields(docs: any, operationId: string): string[] | undefined {
  const operation = operationsOf(docs).find((o: { operationId: string }) => o.operationId === operationId)!.operation;
  const content: Record<string, { schema: unknown }> | undefined = operation.requestBody ? deref(docs, operation.requestBody).content : undefined;
  let schema: any = content && Object.values(content)[0]!.schema;
  for (let depth = 0; schema && depth < 10; depth++) {
    schema = deref(docs, schema);
    if (schema.properties) {
      const fields = Object.entries(schema.properties).map(([name, property]) => ({ name, deprecated: deref(docs, property)?.deprecated === true }));
      return [...fields.filter((field) => !field.deprecated), ...fields.filter((field) => field.deprecated)].map((field) => field.name);
    }
    schema = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  }
  return undefined;
}

function deref(docs: any, node: any): any {
  return node?.$ref ? deref(docs, node.$ref.slice(2).split('/').reduce((at: any, key: string) => at[key], docs)) : node;
}
/** What the navigation must list: each operation and webhook event, under the tag it belongs to. */
const entries = [
  ...operationsOf(spec).map(({ operationId, method, path, operation }) => ({
    kind: 'operation' as const,
    operationId,
    tag: operation.tags[0] as string,
    label: operation.summary as string,
    // Its path, and the TypeScript sample the sample panel opens on.
    mustShow: [path as string, 'createGigapayClient('],
    method,
  })),
  ...webhooksOf(spec).map(({ event, operationId, operation }) => ({
    kind: 'webhook' as const,
    operationId,
    tag: operation.tags[0] as string,
    label: (operation.summary ?? event) as string,
    // Its name, and the TypeScript receiver under its description.
    mustShow: [event, 'parseWebhook('],
    method: 'post',
  })),
];
const tags: string[] = spec.tags.map((tag: { name: string }) => tag.name);

// Every route change makes Redoc render (about 0.4 s of CPU; a #tag/<Tag>/operation/<id> link renders
// the tag's page first, so about 1.1 s), and route changes are what these tests cost. Redoc renders
// a whole tag on one route, each operation's panel as it scrolls near the viewport (and unmounts it
// again further on): so the tour routes once per tag and scrolls through its panels, and only a few
// claims (a sidebar click, search, the #tag links) pay for a route change of their own.
/** How long one route change or panel may take before the page counts as stuck: a render takes about 0.4 s, several seconds with both cores busy. */
const PER_ROUTE_MS = 10_000;
const PAGE_LOAD_MS = 60_000;

type Entry = (typeof entries)[number];

/** The `#tag/...` links the spec's own descriptions and guides use, as written. */
const linksInSpec: string[] = [...new Set(JSON.stringify(spec).match(/#tag\/[^)"'\s\\]+/g) ?? [])].sort();
/** How a `#tag/...` link names a tag: its words joined by hyphens. */
function tagSlug(tag: string) {
  return tag.replace(/ /g, '-');
}
/** What the deep-link test follows: every link the descriptions use, plus one operation link per tag they leave out. */
const deepLinks = [
  ...linksInSpec,
  ...tags
    .filter((tag) => !linksInSpec.some((link) => link.startsWith(`#tag/${tagSlug(tag)}/operation/`)))
    .flatMap((tag) => entries.filter((entry) => entry.tag === tag).slice(0, 1))
    .map((entry) => `#tag/${tagSlug(entry.tag)}/operation/${entry.operationId}`),
];

/** The locators of the site on one page. */
function siteOn(page: Page) {
  /** The sidebar link labelled exactly `label`, optionally under a route prefix. */
  const menuLink = (label: string, under = '#/'): Locator =>
    page.locator(`[data-component-name="Menu/MenuItem"] a[href^=${JSON.stringify(under)}]`).filter({ has: page.locator(`[data-text=${JSON.stringify(label)}]`) });
  /** The panel of a route; Redoc renders each section under data-section-id = the route. */
  const panel = (route: string): Locator => page.locator(`[data-section-id=${JSON.stringify(route.slice(1))}]`);
  /** Waits for the page to route to `hash` (auto-waiting, unlike a poll with back-off). */
  const waitForHash = (hash: string) => page.waitForFunction((expected) => location.hash === expected, hash, { timeout: PER_ROUTE_MS * 2 });
  /** Waits until the panel of `route` shows the entry's heading and everything it must show; says what it shows instead. */
  async function expectPanel(route: string, entry: Entry) {
    const shows = ({ id, label, mustShow }: { id: string; label: string; mustShow: string[] }) => {
      const section = document.querySelector<HTMLElement>(`[data-section-id=${JSON.stringify(id)}]`);
      const heading = [...(section?.querySelectorAll('h2') ?? [])].some((h2) => h2.textContent?.includes(label));
      return heading && mustShow.every((shown) => section!.innerText.includes(shown));
    };
    // Redoc mounts a panel when scrolling rests near it, and unmounts those further off; the panels
    // above it grow as they render and push it away. So: scroll to it, wait a while, and again,
    // each time waiting twice as long (a busy machine renders slowly, and each scroll restarts it).
    const deadline = Date.now() + PER_ROUTE_MS * 2;
    for (let wait = 1_000; ; wait *= 2) {
      await panel(route).first().evaluate((section) => section.scrollIntoView(), undefined, { timeout: PER_ROUTE_MS });
      try {
        await page.waitForFunction(shows, { id: route.slice(1), label: entry.label, mustShow: entry.mustShow }, { timeout: Math.min(wait, Math.max(deadline - Date.now(), 1)), polling: 100 });
        return;
      } catch (error) {
        if (Date.now() < deadline) continue;
        const shown = await panel(route).first().innerText({ timeout: 1_000 }).catch(() => '(no panel)');
        throw new Error(`${entry.operationId} at ${route} should show "${entry.label}" and ${entry.mustShow.map((text) => `"${text}"`).join(', ')}; it shows: ${shown.slice(0, 400)}`, { cause: error });
      }
    }
  }
  return { menuLink, panel, waitForHash, expectPanel };
}

// Skipped only on the explicit opt-out; a missing Chromium fails the suite, saying why.
describe.skipIf(plan.action === 'skip')(`the docs site in Chromium (${CHROMIUM || 'none'})`, () => {
  let site: Awaited<ReturnType<typeof serveDirectory>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let on: ReturnType<typeof siteOn>;
  /** Route of each entry (`#/payouts/createpayout`) and of each tag (`#/payouts`), as the navigation links them. */
  const routes = new Map<string, string>();
  const tagRoutes = new Map<string, string>();
  const routeOf = (operationId: string) => routes.get(operationId) ?? expect.fail(`the sidebar tour did not reach ${operationId}`);
  /** What the sidebar tour saw on the way, for the tests that check it. */
  const requestFieldsShown = new Map<string, string[]>();
  const receiverShown: { route?: string; fits?: boolean; copyButton?: string } = {};

  beforeAll(async () => {
    if (plan.action === 'error') throw new Error(plan.reason);
    if (!existsSync(CHROMIUM)) throw new Error(missingChromium(CHROMIUM));
    if (!existsSync(join(DIST_DIR, 'index.html'))) {
      throw new Error('dist/ is missing: run `pnpm --filter @gigapay/docs build` first (turbo does it before test).');
    }
    site = await serveDirectory(DIST_DIR, { port: 0 });
    // Anything not local is refused and remembered, console errors too; the last test fails on them.
    browser = await launchChromium(CHROMIUM);
    page = browser.page;
    on = siteOn(page);
    await page.goto(site.url + SHARED_LINK, { timeout: PAGE_LOAD_MS });
    await on.menuLink('Gigapay API').waitFor({ timeout: PAGE_LOAD_MS });
  }, PAGE_LOAD_MS * 2);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  // First, while the page is as it opened: a reader following a shared link to Create Payouts.
  it('opens a shared link on the TypeScript sample of Create Payouts, with curl beside it (screenshot)', async () => {
    const section = on.panel(SHARED_LINK);
    const code = section.locator('[data-component-name="CodeBlock/CodeBlock"]').first();
    await code.waitFor({ state: 'visible', timeout: PAGE_LOAD_MS });
    expect(await code.innerText()).toContain("import { createGigapayClient } from '@gigapay/client';");
    expect(await code.innerText()).toContain("client.POST('/payouts/'");
    // The search box reads "Loading..." until its index is built: wait, so the picture is settled.
    await page.locator('[data-testid="search-trigger"]').filter({ hasText: 'Search' }).waitFor({ timeout: PAGE_LOAD_MS });
    mkdirSync(join(DOCS_DIR, 'test-results'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    // The language menu offers curl too, and switching shows it; then back, as the tour reads the TypeScript samples.
    const switchTo = async (from: string, to: string, shows: string) => {
      await section.getByText(from, { exact: true }).first().click();
      await page.locator('[data-component-name="Dropdown/DropdownMenuItem"]').filter({ hasText: new RegExp(`^${to}$`) }).first().click();
      await expect.poll(() => code.innerText()).toContain(shows);
    };
    await switchTo('TypeScript', 'curl', `curl -X POST '${SHOWN_SERVER}/payouts/'`);
    await switchTo('curl', 'TypeScript', 'createGigapayClient(');
  }, PAGE_LOAD_MS);

  // Still on Create Payouts, whose request examples are a Payout, several, and one with an inline
  // Employee: the TypeScript and the curl sample follow the example the reader picks.
  it('shows the sample of the request example picked, in TypeScript and in curl', async () => {
    const section = on.panel(SHARED_LINK);
    const code = section.locator('[data-component-name="CodeBlock/CodeBlock"]').first();
    const operation = operationsOf(docsSpec).find((entry: { operationId: string }) => entry.operationId === 'createPayout')!.operation;
    const examples = namedRequestExamples(docsSpec, operation) as [string, unknown][];
    expect(examples.length).toBeGreaterThan(1);
    const sampleOf = (label: string, key: string): string =>
      operation['x-codeSamples'].find((sample: any) => sample.label === label && sample['x-example'] === key).source;
    const lang = async (from: string, to: string) => {
      await section.getByText(from, { exact: true }).first().click();
      await page.locator('[data-component-name="Dropdown/DropdownMenuItem"]').filter({ hasText: new RegExp(`^${to}$`) }).first().click();
    };
    // The last example first: the panel opened on the first one.
    for (const [label, from] of [['TypeScript', undefined], ['curl', 'TypeScript']] as const) {
      if (from) await lang(from, label);
      for (const [key] of [...examples.slice(1), examples[0]!]) {
        const summary: string = deref(docsSpec, deref(docsSpec, operation.requestBody).content['application/json'].examples[key]).summary ?? key;
        await section.locator('.panel-request-samples button[aria-label="Example"]').click();
        await page.getByRole('menuitem', { name: summary, exact: true }).click();
        await expect.poll(() => code.innerText().then((text) => text.trimEnd()), { message: `${label} of ${key}` }).toBe(sampleOf(label, key).trimEnd());
      }
    }
    await lang('curl', 'TypeScript');
  }, PAGE_LOAD_MS);

  it('shows the Gigapay logo and the guides of the overview in the sidebar', async () => {
    await expect.poll(() => page.locator('img[alt="Gigapay API"]').isVisible()).toBe(true);
    const headings = [...spec.info.description.matchAll(/^# (.+)$/gm)].map((match: RegExpMatchArray) => match[1]!.replace(/`/g, ''));
    expect(headings).toContain('Guides');
    for (const heading of headings) await expect.poll(() => on.menuLink(heading).count(), { message: heading }).toBe(1);
  });

  it(
    `lists all ${operationsOf(spec).length} operations and ${webhooksOf(spec).length} webhook events under their tags with their methods, and renders each one's panel`,
    async () => {
      const { menuLink, waitForHash, expectPanel } = on;
      const shown: string[] = [];
      for (const tag of tags) {
        const tagLink = menuLink(tag);
        await tagLink.click();
        const tagRoute = (await tagLink.getAttribute('href'))!;
        tagRoutes.set(tag, tagRoute);
        await waitForHash(tagRoute);
        const expected = entries.filter((candidate) => candidate.tag === tag);
        // Showing a tag opens its group in the sidebar (and closes the others): read it in one go.
        if (expected.length) await page.locator(`[data-component-name="Menu/MenuItem"] a[href^=${JSON.stringify(`${tagRoute}/`)}]`).first().waitFor();
        const listed = await page.evaluate(
          (under) =>
            [...document.querySelectorAll<HTMLAnchorElement>('[data-component-name="Menu/MenuItem"] a')]
              .filter((link) => link.getAttribute('href')!.startsWith(under))
              .map((link) => ({ route: link.getAttribute('href')!, label: link.querySelector('[data-text]')?.getAttribute('data-text') ?? '', text: link.innerText.trim() })),
          `${tagRoute}/`,
        );
        // Under an entry's label, its method last (the guides of the Events group have none).
        const asListed = (label: string) => listed.filter((link) => link.label === label).map((link) => `${label}: ${link.text.split(/\s+/).at(-1)!.toLowerCase()}`);
        expect(expected.flatMap((entry) => asListed(entry.label)), `the navigation under ${tag}`).toEqual(expected.map((entry) => `${entry.label}: ${entry.method}`));
        // Each panel renders as it nears the viewport: expectPanel scrolls to it.
        for (const entry of expected) {
          const route = listed.find((link) => link.label === entry.label)!.route;
          routes.set(entry.operationId, route);
          await on.panel(route).first().waitFor({ state: 'attached', timeout: PER_ROUTE_MS });
          await expectPanel(route, entry);
          await noteWhatIsShown(entry, route);
          shown.push(entry.operationId);
        }
      }
      expect(shown.sort()).toEqual(entries.map((entry) => entry.operationId).sort());
    },
    (tags.length + entries.length) * PER_ROUTE_MS,
  );

  it('routes to an operation and to a webhook event when its sidebar link is clicked', async () => {
    const { menuLink, waitForHash, expectPanel } = on;
    const operation = entries.find((entry) => entry.operationId === 'createPayout')!;
    const event = entries.find((entry) => entry.kind === 'webhook')!;
    // The event first: the tour ends on the Events tag, whose group is still open.
    for (const entry of [event, operation]) {
      const tagRoute = tagRoutes.get(entry.tag)!;
      const link = menuLink(entry.label, `${tagRoute}/`);
      // Its group is open only while its tag is shown.
      if (!(await link.isVisible())) await menuLink(entry.tag).click();
      await link.click();
      await waitForHash(routeOf(entry.operationId));
      await expectPanel(routeOf(entry.operationId), entry);
    }
  }, 4 * PER_ROUTE_MS);

  /** On the panel just opened: the request body's fields (each amount tab too), and the first event's receiver. */
  async function noteWhatIsShown(entry: (typeof entries)[number], route: string) {
    const { panel } = on;
    if (entry.kind === 'operation' && requestFields(docsSpec, entry.operationId)) {
      requestFieldsShown.set(entry.operationId, await shownRequestFields(route));
      for (const tab of ['invoiced_amount', 'cost']) {
        const button = panel(route).locator('button').filter({ hasText: new RegExp(`^${tab}$`) }).first();
        if ((await button.count()) === 0) continue;
        await button.click();
        requestFieldsShown.set(`${entry.operationId} ${tab}`, await shownRequestFields(route));
      }
    }
    if (entry.kind === 'webhook' && !receiverShown.route) {
      const pre = panel(route).locator('[data-component-name="Markdown/Markdown"] pre').first();
      await pre.waitFor({ state: 'visible' });
      receiverShown.route = route;
      receiverShown.fits = await pre.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
      receiverShown.copyButton = await pre.locator('button.gigapay-copy').innerText();
    }
  }

  it('finds an operation by its summary in search, and opens it', async () => {
    await page.locator('[data-testid="search-trigger"]').click();
    await page.locator('[data-component-name="Search/SearchInput"] input').fill('Create Payouts');
    const createPayout = routeOf('createPayout');
    const hit = page.locator(`[data-component-name="Search/SearchItem"][href=${JSON.stringify(createPayout)}]`);
    await hit.first().waitFor({ state: 'visible' });
    await hit.first().click();
    await on.waitForHash(createPayout);
    await on.panel(createPayout).waitFor({ state: 'visible' });
  });

  // The request body of every operation lists every field of the variant shown (the first of each
  // `oneOf`), and for the exactly-one-amount rule, every field in each of its three tabs.
  it('lists every field of every request body', () => {
    const checked: string[] = [];
    for (const { operationId } of operationsOf(spec)) {
      const expected = requestFields(docsSpec, operationId);
      if (!expected) continue;
      expect(requestFieldsShown.get(operationId), operationId).toEqual(expected);
      checked.push(operationId);
      for (const tab of ['invoiced_amount', 'cost']) {
        if (!requestFieldsShown.has(`${operationId} ${tab}`)) continue;
        // Each tab lists the deprecated fields of its own branch last: the same fields, in its order.
        expect([...requestFieldsShown.get(`${operationId} ${tab}`)!].sort(), `${operationId} (${tab})`).toEqual([...expected].sort());
        checked.push(`${operationId} ${tab}`);
      }
    }
    expect(checked).toContain('createPayout cost');
    expect(checked).toContain('calculatePricing cost');
  });

  /** The top-level field names of the request body as rendered, in order. */
  async function shownRequestFields(route: string): Promise<string[]> {
    await on.panel(route).locator('h2').first().waitFor({ state: 'visible' });
    // Redoc's ids: `<route>/t=request[&ct=<media type>]&path=<field>`, or with `oneOf` tabs
    // `…&path=&oneof=0&oneof=1/<field>`; header parameters carry `&in=headers`.
    return on
      .panel(route)
      .locator('.schema-property-item')
      .evaluateAll(
        (items, start) =>
          items
            .filter((item) => {
              if (!item.id.startsWith(start) || item.id.includes('&in=')) return false;
              const path = item.id.slice(start.length).replace(/&ct=[^&]*/, '').replace(/^&path=/, '');
              return /^[^/&]+$/.test(path) || /^(&oneof=\d+)+\/[^/]+$/.test(path);
            })
            .map((item) => item.querySelector('.schema-name')?.textContent ?? ''),
        `${route.slice(2)}/t=request`,
      );
  }

  it('wraps the receiver code of an event inside its column, with a copy button', async () => {
    expect(receiverShown.route).toBe(routeOf(webhooksOf(spec)[0]!.operationId));
    expect(receiverShown.fits).toBe(true);
    expect(receiverShown.copyButton).toBe('Copy');
  });

  it(
    `resolves the ${linksInSpec.length} #tag links the descriptions use, and a #tag/<Tag>/operation/<operationId> link of each tag`,
    async () => {
      const { panel, waitForHash, expectPanel } = on;
      expect(linksInSpec.length, 'the descriptions link operations with #tag links').toBeGreaterThan(0);
      for (const link of deepLinks) {
        const [, linked, operationId] = /^#tag\/([^/]+)(?:\/operation\/([^/]+))?$/.exec(link) ?? expect.fail(`${link} is not a #tag/<Tag>[/operation/<operationId>] link`);
        // A tag of several words is linked with hyphens (#tag/Payment-Term), as Redoc names it.
        const tag = tags.find((name) => tagSlug(name) === linked);
        expect(tag, `${link} names a tag`).toBeDefined();
        const entry = operationId === undefined ? undefined : (entries.find((candidate) => candidate.operationId === operationId && candidate.tag === tag) ?? expect.fail(`${link} names no ${tag} operation or event`));
        await page.evaluate((hash) => (location.hash = hash), link);
        if (entry) {
          await waitForHash(routeOf(entry.operationId)).catch((error) => expect.fail(`${link} did not route to ${routeOf(entry.operationId)} (at ${page.url()}): ${error}`));
          await expectPanel(routeOf(entry.operationId), entry);
        } else {
          await waitForHash(tagRoutes.get(tag!)!).catch((error) => expect.fail(`${link} did not route to ${tagRoutes.get(tag!)} (at ${page.url()}): ${error}`));
          await expect.poll(() => panel(tagRoutes.get(tag!)!).first().innerText(), { message: link, timeout: PER_ROUTE_MS }).toContain(tag);
        }
      }
    },
    // Each operation link renders its tag's page, then the operation.
    deepLinks.length * 2 * PER_ROUTE_MS,
  );

  // Last: it leaves the reference for the page.
  it('opens each page of the site from its section of the overview, showing every sample of the page', async () => {
    const sitePages = readPages(PAGES_DIR);
    expect(sitePages.map((entry) => entry.title)).toContain('TypeScript client');
    for (const [index, sitePage] of sitePages.entries()) {
      if (index > 0) await page.goBack();
      const section = on.menuLink(sitePage.title);
      await section.click();
      const open = page.getByRole('link', { name: `Open the ${sitePage.title} page` });
      await open.waitFor({ state: 'visible', timeout: PER_ROUTE_MS });
      await open.click();
      await page.waitForURL(`${site.url}${sitePage.slug}/index.html`);
      expect(await page.locator('main h1').innerText()).toBe(sitePage.title);
      // Each sample as the page shows it: the code of its file, whole.
      const shown = (await page.locator('main pre code').allInnerTexts()).map((code) => code.trimEnd());
      const samples = sampleBlocksOf(sitePage.markdown);
      expect(samples.length, sitePage.slug).toBeGreaterThan(0);
      for (const sample of samples) expect(shown, `${sitePage.slug}: ${sample.file}`).toContain(sample.code.trimEnd());
    }
  }, 4 * PER_ROUTE_MS);

  it('made no request off 127.0.0.1 and logged no console error', () => {
    expect(browser.offsite).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });
});
