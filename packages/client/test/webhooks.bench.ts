/**
 * One webhook check, side by side in one run: `pnpm --filter @gigapay/client bench` (it builds
 * first). The built entries as installed: `dist/webhooks.node.js` (what Node resolves, node:crypto)
 * and `dist/webhooks.js` (Web Crypto, for browsers and edge runtimes), against the raw check a
 * receiver could write by hand with node:crypto: HMAC + `timingSafeEqual`. Targets: a verify on Node
 * within 2× of the raw check, and a forged signature within 1.5× of a genuine one.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { bench, describe } from 'vitest';
import { employee, payout } from './helpers.js';

type Webhooks = typeof import('../src/webhooks.js');
const node: Webhooks = await import(new URL('../dist/webhooks.node.js', import.meta.url).href);
const web: Webhooks = await import(new URL('../dist/webhooks.js', import.meta.url).href);

const secret = 'whsec_3f1c0a9b2e';
const t = 1_651_226_400;
// A Payout.accepted delivery, as the sandbox sends it (about 700 bytes).
const body = JSON.stringify({ ...payout('p1', { accepted_at: '2022-04-29T10:00:00.000000Z' }), employee: employee('e1') });
const genuine = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
const forged = genuine.replace(/^./, (c) => (c === '0' ? '1' : '0'));
const header = (v1: string) => `t=${t},v1=${v1}`;

function rawCheck(signature: string): boolean {
  const expected = createHmac('sha256', secret).update(`${t}.`).update(body).digest();
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const verify = (build: Webhooks, v1: string) =>
  build.verifyWebhookSignature({ payload: body, header: header(v1), secret, now: t }).catch(() => undefined);

describe('a genuine signature on Node: verifyWebhookSignature against the raw check', () => {
  bench('raw node:crypto HMAC + timingSafeEqual', () => {
    rawCheck(genuine);
  });
  bench('verifyWebhookSignature, node build', async () => {
    await verify(node, genuine);
  });
  bench('verifyWebhookSignature, Web Crypto build', async () => {
    await verify(web, genuine);
  });
});

for (const [label, build] of [
  ['node build', node],
  ['Web Crypto build', web],
] as const) {
  describe(`forged against genuine, ${label}`, () => {
    bench('genuine signature', async () => {
      await verify(build, genuine);
    });
    bench('forged signature', async () => {
      await verify(build, forged);
    });
    bench('forged signature, diagnose: true', async () => {
      await build.verifyWebhookSignature({ payload: body, header: header(forged), secret, now: t, diagnose: true }).catch(() => undefined);
    });
  });
}
