// The bulk recovery path, through the real client against the sandbox: 150 payouts in chunks of
// 50, one of them invalid, so its chunk is refused; the caller fixes it and re-runs with the same
// key prefix. The chunks already taken are replayed, the refused one (whose key a refusal must
// not have used up) is created: every payout exists exactly once.
import type { PayoutCreate } from '@gigapay/types';
import { createGigapayClient, createPayoutsInBulk } from '@gigapay/client';
import { startSandbox, type ListeningSandbox } from '@gigapay/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const PAYOUTS = 150;
const INVALID = 120; // in the third chunk
let sandbox: ListeningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, log: () => undefined });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.control.reset());

const client = () => createGigapayClient({ token: sandbox.token, integrationId: sandbox.integrationId, server: sandbox.url });

/** Every payout's `metadata.n`, read page by page through the list endpoint. */
async function storedNumbers(): Promise<number[]> {
  const numbers: number[] = [];
  for (let page = 1; ; page++) {
    const { data } = await client().GET('/payouts/', { params: { query: { page, page_size: 40 } } });
    numbers.push(...data!.results.map((payout) => (payout.metadata as { n: number }).n));
    if (!data!.next) return numbers.sort((a, b) => a - b);
  }
}

describe('createPayoutsInBulk: one payout invalid, fixed, re-run with the same key prefix', () => {
  it.each([
    ['a sandbox rule (amount "0")', '0', { amount: ['Ensure this value is greater than 0.'] }],
    ['spec validation (amount "a lot")', 'a lot', { amount: ['A valid number with at most 2 decimal places is required.'] }],
  ])('refused by %s: the run reports it, the re-run creates each payout exactly once', async (_rule, badAmount, errors) => {
    const employee = (await client().POST('/employees/', { body: { name: 'Bulk Courier', email: 'bulk@example.com', country: 'SWE' } })).data!;
    const payout = (n: number, amount: string): PayoutCreate => ({ employee: employee.id, amount, currency: 'SEK', description: `Delivery ${n}`, metadata: { n } });
    const payouts = Array.from({ length: PAYOUTS }, (_, n) => payout(n, n === INVALID ? badAmount : '100.00'));

    const first = await createPayoutsInBulk(client(), payouts, { chunkSize: 50, keyPrefix: 'recovery' });
    expect(first.ok).toBe(false);
    expect(first.created).toHaveLength(100);
    const invalid = first.results.filter((result) => result.status === 'invalid');
    expect(invalid.map((result) => [result.index, result.idempotencyKey, result.status === 'invalid' && result.errors])).toEqual([[INVALID, 'recovery:2', errors]]);
    expect(first.results.filter((result) => result.status === 'rejected').map((result) => result.chunk)).toEqual(Array(49).fill(2));
    expect(await storedNumbers()).toEqual(Array.from({ length: 100 }, (_, n) => n));

    payouts[INVALID] = payout(INVALID, '100.00');
    const rerun = await createPayoutsInBulk(client(), payouts, { chunkSize: 50, keyPrefix: first.keyPrefix });
    expect(rerun.results.filter((result) => result.status !== 'created')).toEqual([]);
    expect(rerun.ok).toBe(true);
    // The chunks taken the first time are the same payouts (replayed), not new ones.
    expect(rerun.created.slice(0, 100).map((payout) => payout.id)).toEqual(first.created.map((payout) => payout.id));
    expect(await storedNumbers()).toEqual(Array.from({ length: PAYOUTS }, (_, n) => n));
  });
});
