import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney, priceFrom } from '../src/index.js';

const show = (b: ReturnType<typeof priceFrom>) =>
  Object.fromEntries(Object.entries(b).map(([key, ore]) => [key, formatMoney(ore)]));

describe('pricing model', () => {
  it('reproduces the reference example to the öre (amount 1000.00)', () => {
    expect(show(priceFrom('amount', parseMoney('1000.00')))).toEqual({
      amount: '1000.00',
      invoicedAmount: '1314.20',
      cost: '1379.91',
      fee: '65.71',
      payroll: '314.20',
      tax: '300.00',
      vat: '344.97',
    });
  });

  it('reproduces the amount 3000.00 row too', () => {
    expect(show(priceFrom('amount', 300_000))).toMatchObject({ invoicedAmount: '3942.60', cost: '4139.73', fee: '197.13', payroll: '942.60', tax: '900.00', vat: '1034.93' });
  });

  it('inverts: the invoiced_amount and cost bases give back the same breakdown as amount', () => {
    const forward = priceFrom('amount', 100_000);
    expect(priceFrom('invoiced_amount', forward.invoicedAmount)).toEqual(forward);
    expect(priceFrom('cost', forward.cost)).toEqual(forward);
  });

  it('every breakdown adds up exactly, whatever the basis', () => {
    fc.assert(
      fc.property(fc.constantFrom('amount', 'invoiced_amount', 'cost' as const), fc.integer({ min: 1, max: 10_000_000_000 }), (basis, ore) => {
        const b = priceFrom(basis, ore);
        expect(b.amount + b.payroll).toBe(b.invoicedAmount);
        expect(b.invoicedAmount + b.fee).toBe(b.cost);
        expect(basis === 'amount' ? b.amount : basis === 'invoiced_amount' ? b.invoicedAmount : b.cost).toBe(ore);
        expect(Math.min(b.amount, b.payroll, b.fee, b.tax, b.vat)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips forward amounts through both inverses', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), (amount) => {
        const forward = priceFrom('amount', amount);
        expect(priceFrom('invoiced_amount', forward.invoicedAmount).amount).toBe(amount);
        expect(priceFrom('cost', forward.cost).invoicedAmount).toBe(forward.invoicedAmount);
      }),
      { numRuns: 2000 },
    );
  });

  it('from invoiced_amount or cost, each step picks the value whose forward result is nearest (no neighbour is nearer)', () => {
    const nearest = (value: number, target: number, forward: (x: number) => number) => {
      const distance = Math.abs(forward(value) - target);
      for (let other = Math.max(1, value - 3); other <= value + 3; other++) expect(Math.abs(forward(other) - target)).toBeGreaterThanOrEqual(distance);
    };
    const invoicedOf = (amount: number) => priceFrom('amount', amount).invoicedAmount;
    const costOf = (invoiced: number) => priceFrom('invoiced_amount', invoiced).cost;
    fc.assert(
      fc.property(fc.constantFrom('invoiced_amount', 'cost' as const), fc.integer({ min: 10, max: 1_000_000_000 }), (basis, ore) => {
        const b = priceFrom(basis, ore);
        if (basis === 'cost') nearest(b.invoicedAmount, ore, costOf);
        nearest(b.amount, b.invoicedAmount, invoicedOf);
      }),
      { numRuns: 2000 },
    );
  });

  it('from a cost with an exact preimage, the fee is the forward fee, not a remainder', () => {
    for (const amount of [1, 99, 100_000, 123_457]) {
      const forward = priceFrom('amount', amount);
      expect(priceFrom('cost', forward.cost)).toEqual(forward);
    }
  });

  it('parses and formats money strings', () => {
    expect(parseMoney('1000')).toBe(100_000);
    expect(parseMoney('0.5')).toBe(50);
    expect(parseMoney('12.34')).toBe(1234);
    expect(formatMoney(5)).toBe('0.05');
    expect(formatMoney(0)).toBe('0.00');
    expect(formatMoney(-150)).toBe('-1.50');
    expect(formatMoney(-5)).toBe('-0.05');
    expect(() => parseMoney('1,00')).toThrow(new RangeError('not a money string: "1,00"'));
    expect(() => parseMoney('1.234')).toThrow(RangeError);
  });
});
