// The recorder counts what the contract suite exercised (the checks themselves are
// @gigapay/openapi-validator's, tested there).
import { describe, expect, it } from 'vitest';
import { createContractRecorder } from '../src/index.js';
import { spec } from './spec.js';

const base = 'http://127.0.0.1:4010/v2';
const auth = { authorization: 'Token abc', 'integration-id': 'i1' };
const payout = {
  id: 'p1', amount: '1000.00', cost: '1379.91', currency: 'SEK', description: 'Gig', employee: 'e1', invoice: 'i1',
  metadata: {}, start_at: null, end_at: null, created_at: '2019-05-22T10:32:38.118753Z', notified_at: null, accepted_at: null,
};

describe('the contract recorder', () => {
  it('counts covered statuses and names what is missing', async () => {
    const recorder = createContractRecorder(spec);
    const fetch = recorder.wrap(async () => new Response(JSON.stringify(payout), { status: 200, headers: { 'content-type': 'application/json' } }));
    await fetch(`${base}/payouts/p1/`, { headers: auth });
    const coverage = recorder.coverage();
    expect(recorder.violations).toEqual([]);
    expect(coverage.operations).toEqual({ covered: 1, total: 33 });
    expect(coverage.missing).toContain('retrievePayout 429');
    expect(coverage.missing).not.toContain('retrievePayout 307');
    expect(coverage.missing).toContain('retrievePayout 404');
    expect(coverage.missing).not.toContain('retrievePayout 200');
    expect(coverage.missing).toContain('event Invoice.paid');
  });
});
