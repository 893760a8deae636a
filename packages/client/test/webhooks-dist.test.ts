/**
 * The built webhooks entries, as installed: Node resolves `@gigapay/client/webhooks` to the
 * node:crypto build (the `node` export condition), anything else to the Web Crypto one. Both give
 * the same verdicts, checked against node:crypto. `npm test` builds dist first.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const dist = (file: string) => new URL(`../dist/${file}`, import.meta.url);
type Webhooks = typeof import('../src/webhooks.js');
const builds: Record<string, Webhooks> = {
  'webhooks.node.js': await import(dist('webhooks.node.js').href),
  'webhooks.js': await import(dist('webhooks.js').href),
  'webhooks.node.cjs': createRequire(import.meta.url)(dist('webhooks.node.cjs').pathname),
};

const secret = 'whsec_3f1c0a';
const t = 1_651_226_400;
const body = '{"id": "p1", "name": "\\u00c5sa"}';
const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

describe('the package resolves ./webhooks', () => {
  it('to the node:crypto build on Node, in both module systems', () => {
    expect(import.meta.resolve('@gigapay/client/webhooks')).toBe(dist('webhooks.node.js').href);
    expect(createRequire(import.meta.url).resolve('@gigapay/client/webhooks')).toBe(dist('webhooks.node.cjs').pathname);
  });

  it('uses node:crypto in the node build, and only Web Crypto in the other', () => {
    expect(readFileSync(dist('webhooks.node.js'), 'utf8')).toContain('from "node:crypto"');
    expect(readFileSync(dist('webhooks.node.cjs'), 'utf8')).toContain('require("node:crypto")');
    for (const file of ['webhooks.js', 'webhooks.cjs']) expect(readFileSync(dist(file), 'utf8')).not.toMatch(/node:crypto|"crypto"/);
  });
});

for (const [file, { signWebhookPayload, verifyWebhookSignature, WebhookSignatureError }] of Object.entries(builds)) {
  describe(`dist/${file}`, () => {
    const reason = (options: Parameters<Webhooks['verifyWebhookSignature']>[0]) =>
      verifyWebhookSignature(options).then(
        () => 'accepted',
        (error: unknown) => (error instanceof WebhookSignatureError ? error.reason : error),
      );

    it('signs as node:crypto does, for text and every kind of bytes (a view only its own range)', async () => {
      expect(await signWebhookPayload({ payload: body, secret, timestamp: t })).toBe(`t=${t},v1=${v1}`);
      const bytes = new TextEncoder().encode(body);
      const padded = new Uint8Array(bytes.length + 8);
      padded.set(bytes, 4);
      for (const payload of [bytes, bytes.buffer, Buffer.from(body), padded.subarray(4, 4 + bytes.length), new DataView(padded.buffer, 4, bytes.length)]) {
        expect(await signWebhookPayload({ payload, secret, timestamp: t })).toBe(`t=${t},v1=${v1}`);
        expect(await reason({ payload, header: `t=${t},v1=${v1}`, secret, now: t })).toBe('accepted');
      }
    });

    it('gives the same verdicts', async () => {
      const now = t;
      expect(await reason({ payload: body, header: `t=${t},v1=${v1.toUpperCase()}`, secret, now })).toBe('accepted');
      expect(await reason({ payload: body, header: `t=${t},v1=${'0'.repeat(64)}`, secret, now })).toBe('no_matching_signature');
      expect(await reason({ payload: `${body} `, header: `t=${t},v1=${v1}`, secret, now })).toBe('no_matching_signature');
      expect(await reason({ payload: body, header: `t=${t},v1=${v1}`, secret: 'other', now })).toBe('no_matching_signature');
      expect(await reason({ payload: body, header: `t=${t},v1=${v1}`, secret, now: t + 301 })).toBe('timestamp_outside_tolerance');
      expect(await reason({ payload: body, header: [`t=${t},v1=${v1}`], secret, now })).toBe('malformed_header');
      expect(await reason({ payload: JSON.stringify(JSON.parse(body)), header: `t=${t},v1=${v1}`, secret, now, diagnose: true })).toBe('body_reserialized');
      await expect(verifyWebhookSignature({ payload: body, header: 'x', secret: '', now })).rejects.toBeInstanceOf(TypeError);
    });
  });
}
