// The 400s a developer meets first, said plainly: a money field that is not positive, a currency
// code ISO-4217 does not have, a misspelled field. Each keeps DRF's shape (field → messages).
import { describe, expect, it } from 'vitest';
import { ACTIVE_CURRENCIES } from '../src/internal/currencies.js';
import { startForFile } from './helpers.js';

const { call } = await startForFile();
const POSITIVE = 'Ensure this value is greater than 0.';
// Validation answers before the handler looks the employee up: no employee is needed.
const payout = (overrides: Record<string, unknown>) => ({ employee: 'e-1', currency: 'SEK', description: 'Work', amount: '100.00', ...overrides });
const basis = (field: string, value: string) => {
  const { amount: _, ...rest } = payout({});
  return { ...rest, [field]: value };
};

describe('a money field that is zero or negative', () => {
  for (const [path, field] of [['payouts/', 'amount'], ['payouts/', 'invoiced_amount'], ['payouts/', 'cost'], ['pricing/', 'amount'], ['pricing/', 'invoiced_amount'], ['pricing/', 'cost']] as const) {
    for (const value of ['-5.00', '-1', '0', '0.00', '0.0']) {
      it(`POST ${path} ${field}: ${JSON.stringify(value)} is refused as not positive`, async () => {
        const answer = await call('POST', path, basis(field, value));
        expect(answer.status).toBe(400);
        expect(answer.body).toEqual({ [field]: [POSITIVE] });
      });
    }
  }

  it('in a bulk body, per item', async () => {
    const answer = await call('POST', 'payouts/', [payout({}), payout({ amount: '0.00' })]);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual([{}, { amount: [POSITIVE] }]);
  });

  it('a malformed amount still gets the decimal-places message, and a positive one passes validation', async () => {
    expect((await call('POST', 'payouts/', payout({ amount: '1.234' }))).body).toEqual({ amount: ['A valid number with at most 2 decimal places is required.'] });
    // (then refused for its unknown employee: the amount itself is fine)
    expect((await call('POST', 'payouts/', payout({ amount: '0.01' }))).body).not.toHaveProperty('amount');
  });
});

describe('a currency code', () => {
  it('XYZ has the shape of one but is not an ISO-4217 code: refused, naming it', async () => {
    const answer = await call('POST', 'payouts/', payout({ currency: 'XYZ' }));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ currency: ['"XYZ" is not an active ISO-4217 currency code.'] });
  });

  it('a withdrawn one (DEM) too; pricing as well', async () => {
    expect((await call('POST', 'payouts/', payout({ currency: 'DEM' }))).body).toEqual({ currency: ['"DEM" is not an active ISO-4217 currency code.'] });
    expect((await call('POST', 'pricing/', payout({ currency: 'XYZ' }))).body).toEqual({ currency: ['"XYZ" is not an active ISO-4217 currency code.'] });
  });

  it('one not even of the right shape (sek, EURO) is named the same way', async () => {
    expect((await call('POST', 'payouts/', payout({ currency: 'sek' }))).body).toEqual({ currency: ['"sek" is not an active ISO-4217 currency code.'] });
    expect((await call('POST', 'pricing/', payout({ currency: 'EURO' }))).body).toEqual({ currency: ['"EURO" is not an active ISO-4217 currency code.'] });
  });

  it('the list is the real one: active codes in, withdrawn ones out', () => {
    for (const code of ['SEK', 'EUR', 'USD', 'NOK', 'DKK', 'GBP', 'CHF', 'JPY', 'SLE', 'VED', 'ZWG']) expect(ACTIVE_CURRENCIES.has(code)).toBe(true);
    for (const code of ['XYZ', 'DEM', 'FIM', 'SLL', 'HRK', 'VEF', 'ZWL', 'MRO']) expect(ACTIVE_CURRENCIES.has(code)).toBe(false);
    expect(ACTIVE_CURRENCIES.size).toBeGreaterThan(170);
  });
});

describe('a misspelled field', () => {
  it('is named next to the missing one it was probably meant to be', async () => {
    const { description, ...rest } = payout({});
    const answer = await call('POST', 'payouts/', { ...rest, descripton: description });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ description: ['This field is required.', 'unknown field `descripton`; did you mean `description`?'] });
  });

  it('a name far from every missing one gets no guess; a known field of the spec is never taken for a typo', async () => {
    const { description, ...rest } = payout({});
    expect((await call('POST', 'payouts/', { ...rest, notes: description })).body).toEqual({ description: ['This field is required.'] });
    const { currency: _, ...withoutCurrency } = payout({});
    expect((await call('POST', 'payouts/', { ...withoutCurrency, country: 'SWE' })).body).toEqual({ currency: ['This field is required.'] });
  });

  it('on an employee too', async () => {
    const answer = await call('POST', 'employees/', { nmae: 'Anna', email: 'anna@example.com', country: 'SWE' });
    expect(answer.status).toBe(400);
    expect(answer.body.name).toContain('unknown field `nmae`; did you mean `name`?');
  });
});

describe('closestTypo (unit)', () => {
  it('one edit for short names, two for longer ones, case alone for one or two letters', async () => {
    const { closestTypo, editDistance } = await import('../src/internal/spelling.js');
    expect(editDistance('descripton', 'description')).toBe(1);
    expect(editDistance('nmae', 'name')).toBe(1);
    expect(closestTypo('description', ['amount', 'descriptoin', 'desc'])).toBe('descriptoin');
    expect(closestTypo('description', ['dscrptn'])).toBeUndefined();
    expect(closestTypo('name', ['nmae'])).toBe('nmae');
    expect(closestTypo('name', ['nm'])).toBeUndefined();
    expect(closestTypo('id', ['ID'])).toBe('ID');
    expect(closestTypo('c', ['a'])).toBeUndefined();
  });
});
