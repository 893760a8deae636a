// The rule that decides whether the browser test runs: it never skips itself silently.
import { describe, expect, it } from 'vitest';
import { chromiumPlan, DEFAULT_CHROMIUM } from '../scripts/chromium.mjs';

const only = (...paths: string[]) => (path: string) => paths.includes(path);

describe('chromiumPlan', () => {
  it('uses the default Chromium when it is there, and asks for an install when it is not', () => {
    expect(chromiumPlan({}, only(DEFAULT_CHROMIUM))).toEqual({ action: 'use', path: DEFAULT_CHROMIUM });
    expect(chromiumPlan({}, only())).toEqual({ action: 'install', path: DEFAULT_CHROMIUM });
  });

  it('uses CHROMIUM_PATH when it exists, and calls a missing one an error, never a skip', () => {
    expect(chromiumPlan({ CHROMIUM_PATH: '/opt/chrome' }, only('/opt/chrome'))).toEqual({ action: 'use', path: '/opt/chrome' });
    const missing = chromiumPlan({ CHROMIUM_PATH: '/nowhere/chromium' }, only(DEFAULT_CHROMIUM));
    expect(missing.action).toBe('error');
    expect(missing).toMatchObject({ reason: expect.stringContaining('/nowhere/chromium') });
  });

  it('skips only on the explicit opt-out', () => {
    expect(chromiumPlan({ GIGAPAY_SKIP_BROWSER_TESTS: '1' }, only()).action).toBe('skip');
    expect(chromiumPlan({ GIGAPAY_SKIP_BROWSER_TESTS: 'yes' }, only()).action).toBe('install');
  });
});
