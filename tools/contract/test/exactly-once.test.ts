// Exactly once under faults: 1,000 payouts through the client while the sandbox drops connections
// after committing, answers 500 and 429 with Retry-After, and adds latency. Every call resolves,
// and exactly 1,000 payouts exist afterwards.
import { createGigapayClient } from '@gigapay/client';
import { startSandbox, type ListeningSandbox } from '@gigapay/sandbox';
import { afterAll, beforeAll, expect, it } from 'vitest';

const PAYOUTS = 1000;
const CONCURRENCY = 50;
let sandbox: ListeningSandbox;

beforeAll(async () => {
  // Every injected fault is counted below: keep them all (the fault log keeps the newest 1,000 by default).
  sandbox = await startSandbox({ port: 0, logSize: 10_000 });
});
afterAll(() => sandbox.close());

it('creates 1,000 payouts exactly once while a third of the requests fail', async () => {
  let attempts = 0;
  const countingFetch: typeof fetch = (input, init) => {
    attempts++;
    return globalThis.fetch(input, init);
  };
  const client = createGigapayClient({
    token: sandbox.token,
    integrationId: sandbox.integrationId,
    server: sandbox.url,
    fetch: countingFetch,
    maxRetries: 10,
    throwOnError: true,
  });
  const employee = (await client.POST('/employees/', { body: { name: 'Courier', email: 'courier@example.com', country: 'SWE' } })).data;

  sandbox.control.setFaults({
    seed: 2026,
    operations: ['createPayout'],
    dropRate: 0.14,
    errorRate: 0.1,
    rateLimitRate: 0.1,
    retryAfterSeconds: 1,
    latencyMs: [0, 20],
  });
  attempts = 0;

  const outcomes: ('created' | Error)[] = new Array(PAYOUTS);
  let next = 0;
  async function worker() {
    while (next < PAYOUTS) {
      const i = next++;
      try {
        await client.POST('/payouts/', {
          body: { employee: employee.id, currency: 'SEK', description: `Delivery ${i}`, amount: '100.00', metadata: { delivery: i } },
        });
        outcomes[i] = 'created';
      } catch (error) {
        outcomes[i] = error as Error;
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  const { injected } = sandbox.control.faults();
  sandbox.control.setFaults({});
  const count = (kind: string) => injected.filter((f) => f.kind === kind).length;
  const faults = { drop: count('drop'), error: count('error'), rateLimit: count('rateLimit') };
  const faulty = faults.drop + faults.error + faults.rateLimit;

  const stored: number[] = [];
  let page = 1;
  for (;;) {
    const { data } = await client.GET('/payouts/', { params: { query: { page, page_size: 500 } } });
    stored.push(...data.results.map((p) => (p.metadata as { delivery: number }).delivery));
    if (!data.next) break;
    page++;
  }
  const unique = new Set(stored);
  console.log(
    `exactly-once: ${PAYOUTS} payouts, ${attempts} attempts (${attempts - PAYOUTS} retries), ` +
      `faults ${faulty} (${((100 * faulty) / attempts).toFixed(1)} % of attempts): ${faults.drop} dropped after commit, ` +
      `${faults.error} × 500, ${faults.rateLimit} × 429; stored ${stored.length}, duplicates ${stored.length - unique.size}, ` +
      `lost ${PAYOUTS - unique.size}`,
  );

  expect(outcomes.filter((o) => o !== 'created')).toEqual([]);
  expect(faulty / attempts).toBeGreaterThanOrEqual(0.3);
  expect(faults.drop).toBeGreaterThan(0);
  expect(stored).toHaveLength(PAYOUTS);
  expect(unique.size).toBe(PAYOUTS);
}, 180_000);
