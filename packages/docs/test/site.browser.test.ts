// The built site in a real browser (Debian's Chromium through playwright-core): every operation
// and webhook event is in the navigation and renders its panel, Redoc's deep links resolve, search
// finds an operation, no request leaves 127.0.0.1, and the console stays free of errors.
import { existsSync, mkdirSync } from 'node:fs';
import { chromiumPlan, missingChromium } from '../scripts/chromium.mjs';
import { join } from 'node:path';
import { type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { buildDocsSpec, DIST_DIR, DOCS_DIR, readSpec } from '../scripts/docs-spec.mjs';
import { operationsOf, webhooksOf } from '../scripts/samples.mjs';
import { serveDirectory } from '../scripts/serve.mjs';
import { launchChromium } from './chromium';

const plan = chromiumPlan(process.env);
const CHROMIUM = plan.action === 'use' || plan.action === 'install' ? plan.path : '';
const SCREENSHOT = join(DOCS_DIR, 'test-results', 'create-payout.png');

const spec = readSpec();
const docsSpec = buildDocsSpec(spec).docsSpec;

/** The fields a request body documents, in order: of its first media type, following the first branch of each `oneOf`. */
function requestFields(docs: any, operationId: string): string[] | undefined {
  const operation = operationsOf(docs).find((o: { operationId: string }) => o.operationId === operationId)!.operation;
  const content: Record<string, { schema: unknown }> | undefined = operation.requestBody ? deref(docs, operation.requestBody).content : undefined;
  let schema: any = content && Object.values(content)[0]!.schema;
  for (let depth = 0; schema && depth < 10; depth++) {
    schema = deref(docs, schema);
    if (schema.properties) return Object.keys(schema.properties);
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

// Every route change makes Redoc render the operation (about 0.4 s of CPU; a #tag link renders the
// tag's page first, so twice as much), and that rendering is what these tests cost. So each route is
// visited once per claim: the sidebar clicks also record what the field and receiver tests check.
// (Following the #tag links on a second page meanwhile cost more than it saved: a second 2.5 MB
// page to load, and two renderers sharing the same two cores.)
/** How long one route change may take before the page counts as stuck: a render takes about 0.4 s, several seconds with both cores busy. */
const PER_ROUTE_MS = 10_000;
const PAGE_LOAD_MS = 60_000;

/** A value that another task fills in later (the route of an entry, once its sidebar link is clicked). */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => {}); // a rejection is reported where the value is awaited
  return { promise, resolve, reject };
}

/** The locators of the site on one page. */
function siteOn(page: Page) {
  /** The sidebar link labelled exactly `label`, optionally under a route prefix. */
  const menuLink = (label: string, under = '#/'): Locator =>
    page.locator(`[data-component-name="Menu/MenuItem"] a[href^=${JSON.stringify(under)}]`).filter({ has: page.locator(`[data-text=${JSON.stringify(label)}]`) });
  /** The panel of a route; Redoc renders each section under data-section-id = the route. */
  const panel = (route: string): Locator => page.locator(`[data-section-id=${JSON.stringify(route.slice(1))}]`);
  /** Waits for the page to route to `hash` (auto-waiting, unlike a poll with back-off). */
  const waitForHash = (hash: string) => page.waitForFunction((expected) => location.hash === expected, hash, { timeout: PER_ROUTE_MS * 2 });
  async function expectPanel(route: string, entry: (typeof entries)[number]) {
    const heading = panel(route).locator('h2').filter({ hasText: entry.label }).first();
    await heading.waitFor({ state: 'visible', timeout: PER_ROUTE_MS * 2 });
    // Redoc may render the panel again just after its heading shows (the sidebar catching up with
    // the scroll): read its text until it settles, not once.
    for (const shown of entry.mustShow) {
      await expect.poll(() => panel(route).innerText(), { message: `${entry.operationId} shows ${shown}`, timeout: PER_ROUTE_MS, interval: 100 }).toContain(shown);
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
  /** Route of each entry (`#/payouts/createpayout`), as the navigation links it, once its link was clicked. */
  const routes = new Map(entries.map((entry) => [entry.operationId, deferred<string>()]));
  const routeOf = (operationId: string) => routes.get(operationId)!.promise;
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
    await page.goto(site.url, { timeout: PAGE_LOAD_MS });
    await on.menuLink('Gigapay API').waitFor({ timeout: PAGE_LOAD_MS });
  }, PAGE_LOAD_MS * 2);

  afterAll(async () => {
    for (const { reject } of routes.values()) reject(new Error('the sidebar tour did not reach this entry'));
    await browser?.close();
    await site?.close();
  });

  /** Follows `#tag/<Tag>/operation/<operationId>` for every entry; returns the entries it resolved. */
  async function followTagLinks(tab: Page): Promise<string[]> {
    const { waitForHash, expectPanel } = siteOn(tab);
    const resolved: string[] = [];
    for (const entry of entries) {
      const route = await routeOf(entry.operationId);
      await tab.evaluate((hash) => (location.hash = hash), `#tag/${entry.tag}/operation/${entry.operationId}`);
      await waitForHash(route);
      await expectPanel(route, entry);
      resolved.push(entry.operationId);
    }
    return resolved;
  }

  it('shows the Gigapay logo and the guides of the overview in the sidebar', async () => {
    await expect.poll(() => page.locator('img[alt="Gigapay API"]').isVisible()).toBe(true);
    const headings = [...spec.info.description.matchAll(/^# (.+)$/gm)].map((match: RegExpMatchArray) => match[1]!.replace(/`/g, ''));
    expect(headings).toContain('Guides');
    for (const heading of headings) await expect.poll(() => on.menuLink(heading).count(), { message: heading }).toBe(1);
  });

  it(
    `lists all ${operationsOf(spec).length} operations and ${webhooksOf(spec).length} webhook events, each rendering its panel when clicked`,
    async () => {
      const { menuLink, waitForHash, expectPanel } = on;
      const visited: string[] = [];
      // The #tag tour waits for these routes: if this tour stops, so does that one.
      onTestFailed(() => {
        for (const { reject } of routes.values()) reject(new Error('the sidebar tour stopped before reaching this entry'));
      });
      for (const tag of tags) {
        const tagLink = menuLink(tag);
        await tagLink.click();
        const tagRoute = (await tagLink.getAttribute('href'))!;
        for (const entry of entries.filter((candidate) => candidate.tag === tag)) {
          const link = menuLink(entry.label, `${tagRoute}/`);
          await link.waitFor();
          expect(await link.count(), `${entry.operationId} in the navigation under ${tag}`).toBe(1);
          expect(await link.innerText()).toMatch(new RegExp(`${entry.method}$`, 'i'));
          await link.click();
          const route = (await link.getAttribute('href'))!;
          await waitForHash(route);
          await expectPanel(route, entry);
          routes.get(entry.operationId)!.resolve(route);
          await noteWhatIsShown(entry, route);
          visited.push(entry.operationId);
        }
      }
      expect(visited.sort()).toEqual(entries.map((entry) => entry.operationId).sort());
    },
    (tags.length + entries.length) * PER_ROUTE_MS,
  );

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
    const createPayout = await routeOf('createPayout');
    const hit = page.locator(`[data-component-name="Search/SearchItem"][href=${JSON.stringify(createPayout)}]`);
    await hit.first().waitFor({ state: 'visible' });
    await hit.first().click();
    await on.waitForHash(createPayout);
    await on.panel(createPayout).waitFor({ state: 'visible' });
  });

  it('shows the TypeScript sample of Create Payouts first, and curl beside it (screenshot)', async () => {
    // A fresh page opened on the deep link, as a reader following a shared link sees it.
    const createPayout = await routeOf('createPayout');
    const fresh = await browser.context.newPage();
    try {
      await fresh.goto(site.url + createPayout, { timeout: PAGE_LOAD_MS });
      const section = fresh.locator(`[data-section-id=${JSON.stringify(createPayout.slice(1))}]`);
      const code = section.locator('[data-component-name="CodeBlock/CodeBlock"]').first();
      await code.waitFor({ state: 'visible', timeout: PAGE_LOAD_MS });
      expect(await code.innerText()).toContain("import { createGigapayClient } from '@gigapay/client';");
      expect(await code.innerText()).toContain("client.POST('/payouts/'");
      // The search box reads "Loading..." until its index is built: wait, so the picture is settled.
      await fresh.locator('[data-testid="search-trigger"]').filter({ hasText: 'Search' }).waitFor({ timeout: PAGE_LOAD_MS });
      mkdirSync(join(DOCS_DIR, 'test-results'), { recursive: true });
      await fresh.screenshot({ path: SCREENSHOT });

      // The language menu offers curl too, and switching shows it.
      await section.getByText('TypeScript', { exact: true }).first().click();
      await fresh.locator('[data-component-name="Dropdown/DropdownMenuItem"]').filter({ hasText: /^curl$/ }).first().click();
      await expect.poll(() => code.innerText()).toContain("curl -X POST 'https://api.demo.gigapay.se/v2/payouts/'");
    } finally {
      await fresh.close();
    }
  }, PAGE_LOAD_MS * 2);

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
        expect(requestFieldsShown.get(`${operationId} ${tab}`), `${operationId} (${tab})`).toEqual(expected);
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
    expect(receiverShown.route).toBe(await routeOf(webhooksOf(spec)[0]!.operationId));
    expect(receiverShown.fits).toBe(true);
    expect(receiverShown.copyButton).toBe('Copy');
  });

  it(
    'resolves the #tag/<Tag>/operation/<operationId> links the guides use, for every entry',
    async () => {
      expect((await followTagLinks(page)).sort()).toEqual(entries.map((entry) => entry.operationId).sort());
    },
    // Each link renders its tag's page, then the operation.
    entries.length * 2 * PER_ROUTE_MS,
  );

  it('made no request off 127.0.0.1 and logged no console error', () => {
    expect(browser.offsite).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });
});
