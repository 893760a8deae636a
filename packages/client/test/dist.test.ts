/**
 * The built entries, loaded as Node loads them for users (the test script builds first). The
 * consumer suite (tools/consumers) does the same from a registry install; this is the quick check.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

describe('dist/index.cjs, required', () => {
  it('creates a client that calls fetch', async () => {
    const { createGigapayClient } = require('../dist/index.cjs') as typeof import('../src/index.js');
    const seen: string[] = [];
    const client = createGigapayClient({
      token: 't',
      server: 'http://127.0.0.1:9/v2/',
      fetch: async (url) => {
        seen.push(String(url));
        return new Response('{"count":0,"next":null,"previous":null,"results":[]}', { headers: { 'content-type': 'application/json' } });
      },
    });
    const { data } = await client.GET('/payouts/');
    expect({ seen, count: data?.count }).toEqual({ seen: ['http://127.0.0.1:9/v2/payouts/'], count: 0 });
  });

  it('dist/webhooks.cjs signs and verifies', async () => {
    const { signWebhookPayload, verifyWebhookSignature } = require('../dist/webhooks.cjs') as typeof import('../src/webhooks.js');
    const header = await signWebhookPayload({ payload: '{}', secret: 's' });
    await expect(verifyWebhookSignature({ payload: '{}', header, secret: 's' })).resolves.toHaveProperty('timestamp');
  });
});
