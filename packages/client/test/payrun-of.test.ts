import type { Payrun } from '@gigapay/types';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { payrunOf } from '../src/index.js';
import type { Expand } from '../src/types.js';
import { clientWith, json, payout } from './helpers.js';

describe('payrunOf', () => {
  it('reads payrun, falls back to the deprecated invoice (the same Payrun), else undefined', () => {
    expect(payrunOf({ payrun: 'pr1', invoice: 'pr1' })).toBe('pr1');
    // A record from before September 2025, or an answer without `payrun`.
    expect(payrunOf({ invoice: 'pr0' })).toBe('pr0');
    expect(payrunOf({ payrun: 'pr2' })).toBe('pr2');
    expect(payrunOf({})).toBeUndefined();
  });

  it('types an id, or the Payrun when expanded, from what the client returned', async () => {
    const { client } = clientWith(() => json(200, payout('p1', { payrun: undefined, invoice: 'pr0' })));
    const { data } = await client.GET('/payouts/{id}/', { params: { path: { id: 'p1' } } });
    expect(payrunOf(data!)).toBe('pr0');
    expectTypeOf(payrunOf(data!)).toEqualTypeOf<string | undefined>();
    type Expanded = Expand<import('@gigapay/types').Payout, 'payrun' | 'invoice'>;
    expectTypeOf(payrunOf({} as Expanded)).toEqualTypeOf<Payrun | undefined>();
  });
});
