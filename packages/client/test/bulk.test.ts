import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PayoutCreate } from '@gigapay/types';
import { ConnectionError, createGigapayClient, createPayoutsInBulk, GigapayError, ResponseBodyError, ValidationError, type GigapayClient } from '../src/index.js';
import { connectionReset, json, payout, recordingFetch, settle, TOKEN, type RecordedCall } from './helpers.js';

const payouts: PayoutCreate[] = Array.from({ length: 250 }, (_, i) => ({
  id: `payout-${i}`,
  amount: '100.00',
  currency: 'SEK',
  description: `Gig ${i}`,
  employee: `employee-${i}`,
}));

/**
 * A bulk endpoint with an idempotency store: a repeated key gets the stored answer, nothing is
 * created twice. `fail(call)` may break a request before (or after) the server handles it.
 */
function fakeServer(options: { invalid?: Set<string>; breakBefore?: (key: string) => boolean; breakAfter?: (key: string) => boolean } = {}) {
  const created = new Map<string, unknown>();
  const stored = new Map<string, { status: number; body: unknown }>();
  const handle = (call: RecordedCall) => {
    const key = call.headers.get('idempotency-key')!;
    if (options.breakBefore?.(key)) connectionReset();
    let answer = stored.get(key);
    if (!answer) {
      const items = JSON.parse(call.body!) as PayoutCreate[];
      const errors = items.map((item) => (options.invalid?.has(String(item.id)) ? { amount: ['A valid number is required.'] } : {}));
      if (errors.some((error) => Object.keys(error).length)) {
        answer = { status: 400, body: errors };
      } else {
        const made = items.map((item) => payout(String(item.id), { employee: String(item.employee) }));
        for (const p of made) created.set(p.id, p);
        answer = { status: 200, body: made };
      }
      stored.set(key, answer);
    }
    if (options.breakAfter?.(key)) connectionReset(); // the server did the work; the answer was lost
    return json(answer.status, answer.body);
  };
  return { handle, created };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createPayoutsInBulk', () => {
  it('sends chunks through POST /payouts/, each with its own key, and reports every item', async () => {
    const server = fakeServer();
    const { fetch, calls } = recordingFetch(server.handle);
    const client = createGigapayClient({ token: TOKEN, integrationId: 'i1', fetch });
    const report = await settle(createPayoutsInBulk(client, payouts, { chunkSize: 100, keyPrefix: 'run-1' }));

    expect(calls.map((call) => [call.method, new URL(call.url).pathname, call.headers.get('idempotency-key')])).toEqual([
      ['POST', '/v2/payouts/', 'run-1:0'],
      ['POST', '/v2/payouts/', 'run-1:1'],
      ['POST', '/v2/payouts/', 'run-1:2'],
    ]);
    expect(calls.map((call) => JSON.parse(call.body!).length)).toEqual([100, 100, 50]);
    expect(report.ok).toBe(true);
    expect(report.created.map((p) => p.id)).toEqual(payouts.map((p) => p.id));
    expect(report.results.every((r, i) => r.index === i && r.status === 'created')).toBe(true);
  });

  it('reports the per-item validation errors, and the valid items that their chunk took down', async () => {
    const server = fakeServer({ invalid: new Set(['payout-3', 'payout-7']) });
    const { fetch } = recordingFetch(server.handle);
    const client = createGigapayClient({ token: TOKEN, fetch });
    const report = await settle(createPayoutsInBulk(client, payouts.slice(0, 20), { chunkSize: 10 }));

    expect(report.ok).toBe(false);
    expect(report.created).toHaveLength(10);
    const byStatus = (status: string) => report.results.filter((r) => r.status === status).map((r) => r.index);
    expect(byStatus('invalid')).toEqual([3, 7]);
    expect(byStatus('rejected')).toEqual([0, 1, 2, 4, 5, 6, 8, 9]);
    expect(byStatus('created')).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const invalid = report.results[3]!;
    expect(invalid.status === 'invalid' && invalid.errors).toEqual({ amount: ['A valid number is required.'] });
    expect(invalid.status === 'invalid' && invalid.error).toBeInstanceOf(ValidationError);
    expect(invalid.status === 'invalid' && invalid.error.fields).toEqual({ '3.amount': ['A valid number is required.'], '7.amount': ['A valid number is required.'] });
  });

  it('reports a 400 about the whole request as failed, not rejected: no item of it was invalid', async () => {
    // Bodies of a 400 that name no item: a malformed request, one message for all, items that are
    // all fine, or a list that is not one entry per item.
    const bodies = [
      { detail: 'JSON parse error - Expecting value: line 1 column 1 (char 0)' },
      { non_field_errors: ['Too many payouts in one request.'] },
      [{}, {}, {}],
      ['Too many payouts in one request.'],
      [{ amount: ['A valid number is required.'] }],
    ];
    for (const body of bodies) {
      const { fetch } = recordingFetch(() => json(400, body));
      const client = createGigapayClient({ token: TOKEN, fetch });
      const report = await settle(createPayoutsInBulk(client, payouts.slice(0, 3)));
      expect(report.results.map((r) => r.status), JSON.stringify(body)).toEqual(['failed', 'failed', 'failed']);
      const first = report.results[0]!;
      expect(first.status === 'failed' && first.error).toBeInstanceOf(ValidationError);
    }
  });

  it('reports a chunk that fails in transport after retries, and goes on with the next', async () => {
    const server = fakeServer({ breakBefore: (key) => key.endsWith(':1') });
    const { fetch, calls } = recordingFetch(server.handle);
    const client = createGigapayClient({ token: TOKEN, fetch, maxRetries: 2 });
    const report = await settle(createPayoutsInBulk(client, payouts, { chunkSize: 100, keyPrefix: 'run-2' }));

    expect(calls.map((call) => call.headers.get('idempotency-key'))).toEqual(['run-2:0', 'run-2:1', 'run-2:1', 'run-2:1', 'run-2:2']);
    const failed = report.results.filter((r) => r.status === 'failed');
    expect(failed).toHaveLength(100);
    expect(failed.every((r) => r.status === 'failed' && r.error instanceof ConnectionError && r.idempotencyKey === 'run-2:1')).toBe(true);
    expect(failed[0]!.status === 'failed' && failed[0]!.error.idempotencyKey).toBe('run-2:1');
    expect(report.created).toHaveLength(150);
  });

  it('re-running with the same keyPrefix completes the run without creating anything twice', async () => {
    let lose = true;
    // Chunk 1 is created on the server, but every answer to it is lost on the way back.
    const server = fakeServer({ breakAfter: (key) => lose && key.endsWith(':1') });
    const { fetch } = recordingFetch(server.handle);
    const client = createGigapayClient({ token: TOKEN, fetch, throwOnError: true });

    const first = await settle(createPayoutsInBulk(client, payouts, { chunkSize: 100 }));
    expect(first.ok).toBe(false);
    expect(first.created).toHaveLength(150);
    expect(server.created.size).toBe(250); // the server did make chunk 1

    lose = false;
    const second = await settle(createPayoutsInBulk(client, payouts, { chunkSize: 100, keyPrefix: first.keyPrefix }));
    expect(second.ok).toBe(true);
    expect(second.created.map((p) => p.id)).toEqual(payouts.map((p) => p.id));
    expect(server.created.size).toBe(250);
  });

  it('rejects a chunk size that is not a whole number of at least 1', async () => {
    const { fetch, calls } = recordingFetch(() => json(200, []));
    const client = createGigapayClient({ token: TOKEN, fetch });
    for (const chunkSize of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      await expect(createPayoutsInBulk(client, payouts, { chunkSize }), String(chunkSize)).rejects.toThrow(RangeError);
    }
    expect(calls).toHaveLength(0);
  });

  it('keeps the report when a chunk throws something other than a GigapayError', async () => {
    // Chunk 1 is created, but its 2xx body arrives garbled on every attempt: a ResponseBodyError.
    const server = fakeServer();
    const { fetch } = recordingFetch((call) =>
      call.headers.get('idempotency-key')!.endsWith(':1')
        ? (server.handle(call), new Response('[{"id": "payout-1', { status: 200, headers: { 'content-type': 'application/json' } }))
        : server.handle(call),
    );
    const client = createGigapayClient({ token: TOKEN, fetch });
    const report = await settle(createPayoutsInBulk(client, payouts, { chunkSize: 100 }));

    expect(report.keyPrefix).toMatch(/^[0-9a-f-]{36}$/);
    expect(report.results).toHaveLength(250);
    expect(report.created).toHaveLength(150);
    const failed = report.results.filter((r) => r.status === 'failed');
    expect(failed.map((r) => r.index)).toEqual(payouts.slice(100, 200).map((_, i) => 100 + i));
    const first = failed[0]!;
    expect(first.status === 'failed' && first.error).toBeInstanceOf(GigapayError);
    expect(first.status === 'failed' && first.error.cause).toMatchObject({ name: 'SyntaxError' }); // a redacted copy
    expect(first.status === 'failed' && first.error).toBeInstanceOf(ResponseBodyError);
    expect(first.status === 'failed' && first.error.idempotencyKey).toBe(`${report.keyPrefix}:1`);

    // A client whose call throws an abort in chunk 1: chunks 0 and 2 still reported.
    let n = 0;
    const aborting = {
      POST: async (_path: string, init: { body: PayoutCreate[] }) => {
        if (n++ === 1) throw new DOMException('The operation was aborted.', 'AbortError');
        return { data: init.body.map((p) => payout(String(p.id))), response: new Response(null, { status: 200 }) };
      },
    } as unknown as GigapayClient<false>;
    const second = await createPayoutsInBulk(aborting, payouts, { chunkSize: 100, keyPrefix: 'run-3' });
    expect(second.results.map((r) => r.status)).toEqual([...Array(100).fill('created'), ...Array(100).fill('failed'), ...Array(50).fill('created')]);
    const aborted = second.results[100]!;
    expect(aborted.status === 'failed' && (aborted.error.cause as Error).name).toBe('AbortError');
  });
});
