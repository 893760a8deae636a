// Debian's Chromium through playwright-core, as the docs browser tests launch it (Playwright's own
// browser download does not work here), with every request off 127.0.0.1 refused and remembered.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const LOCAL = /^(?:http:\/\/127\.0\.0\.1(?::\d+)?\/|data:|blob:|about:)/;

/**
 * A fresh browser profile; `offsite` (requests and websockets off 127.0.0.1) and `consoleErrors`
 * collect what the pages did wrong, on every page of the context.
 */
export async function launchChromium(executablePath = CHROMIUM) {
  if (!existsSync(executablePath)) throw new Error(`Chromium is missing at ${executablePath}: install Debian's chromium (npm test does it as root) or set CHROMIUM_PATH.`);
  const profile = mkdtempSync(join(tmpdir(), 'gigapay-docs-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, { executablePath, args: ARGS, viewport: { width: 1400, height: 1000 }, reducedMotion: 'reduce' });
  const offsite: string[] = [];
  const consoleErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (LOCAL.test(url)) return route.continue();
    offsite.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    if (!LOCAL.test(request.url())) offsite.push(request.url());
  });
  context.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  context.on('weberror', (error) => consoleErrors.push(`uncaught: ${error.error().message}`));
  context.on('page', (opened) => opened.on('websocket', (socket) => offsite.push(socket.url())));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('websocket', (socket) => offsite.push(socket.url()));
  return {
    context,
    page,
    offsite,
    consoleErrors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
