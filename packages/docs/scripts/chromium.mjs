// Where the browser test finds Chromium, and what to do when it is not there: one rule for the
// test runner (tools/run.mjs) and the browser test. A test that cannot run fails, saying why;
// only the explicit opt-out GIGAPAY_SKIP_BROWSER_TESTS=1 skips it.
import { existsSync } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const OPT_OUT = 'GIGAPAY_SKIP_BROWSER_TESTS';

/**
 * @param {Record<string, string | undefined>} env
 * @param {(path: string) => boolean} [exists]
 * @returns {{ action: 'use', path: string } | { action: 'skip', reason: string } | { action: 'install', path: string } | { action: 'error', reason: string }}
 */
export function chromiumPlan(env, exists = existsSync) {
  if (env[OPT_OUT] === '1') return { action: 'skip', reason: `${OPT_OUT}=1: the browser test is skipped on request` };
  if (env.CHROMIUM_PATH) {
    return exists(env.CHROMIUM_PATH)
      ? { action: 'use', path: env.CHROMIUM_PATH }
      : { action: 'error', reason: `CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist: fix it, unset it to use ${DEFAULT_CHROMIUM}, or set ${OPT_OUT}=1 to skip the browser test` };
  }
  if (exists(DEFAULT_CHROMIUM)) return { action: 'use', path: DEFAULT_CHROMIUM };
  return { action: 'install', path: DEFAULT_CHROMIUM };
}

/** The message when Chromium is missing where it must be (install it, point CHROMIUM_PATH at it, or opt out). */
export const missingChromium = (path) =>
  `Chromium is missing at ${path}: install it ("apt-get install -y --no-install-recommends chromium"), set CHROMIUM_PATH to it, or set ${OPT_OUT}=1 to skip the browser test`;
