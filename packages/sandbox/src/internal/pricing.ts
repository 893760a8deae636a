/**
 * The sandbox's pricing model, in integer öre (1/100 SEK) so that no float ever rounds a
 * displayed amount. It reproduces the reference example to the öre:
 *
 *   amount 1000.00 → payroll 314.20, invoiced_amount 1314.20, fee 65.71, cost 1379.91,
 *                    tax 300.00, vat 344.97 (health_insurance and pension null)
 *
 * Forward, from `amount` (a):
 *   payroll         = round(a × 31.42 %)           employer's social fees
 *   invoiced_amount = a + payroll
 *   fee             = round(invoiced_amount × 5 %)  Gigapay's fee
 *   cost            = invoiced_amount + fee
 *   tax             = round(a × 30 %)               preliminary income tax, withheld from a
 *   vat             = floor(invoiced_amount × 25 %) + floor(fee × 25 %)
 * `round` is half-up; VAT truncates each part, which is what turns 16.4275 into 16.42 and gives
 * the reference's 344.97 (rounding would give 344.98).
 *
 * Inverse, from `invoiced_amount` (i): a = the öre value whose forward invoiced_amount is i
 * (the one nearest i / 1.3142; when rounding skips i, the nearest a, and payroll = i − a so that
 * a + payroll = i always holds). From `cost` (c): i = the value whose forward cost is c (nearest
 * c / 1.05; when none exists exactly, fee = c − i), then as above. So every breakdown satisfies
 * amount + payroll = invoiced_amount and invoiced_amount + fee = cost exactly.
 *
 * The reference's invoiced-basis rows (fee 2 %, amount + payroll ≠ invoiced_amount) come from an
 * older tariff and are not self-consistent, so they are not reproduced.
 */

export const PAYROLL_RATE_BP = 3142; // basis points of 0.01 %: 31.42 %
export const FEE_RATE_BP = 500; // 5 %
export const TAX_RATE_BP = 3000; // 30 %
export const VAT_RATE_BP = 2500; // 25 %
const BP = 10_000;

export type AmountBasis = 'amount' | 'invoiced_amount' | 'cost';

/** A full breakdown in öre. */
export interface Breakdown {
  amount: number;
  invoicedAmount: number;
  cost: number;
  fee: number;
  payroll: number;
  tax: number;
  vat: number;
}

/** Half-up rounding of `value × rateBp / 10 000`, exact on integers. */
function percentRounded(value: number, rateBp: number): number {
  return Math.floor((value * rateBp + BP / 2) / BP);
}

function percentTruncated(value: number, rateBp: number): number {
  return Math.floor((value * rateBp) / BP);
}

function invoicedFromAmount(amount: number): number {
  return amount + percentRounded(amount, PAYROLL_RATE_BP);
}

/**
 * The x whose `x + percentRounded(x, rateBp)` is `target`, or (when rounding skips `target`) one
 * whose value is nearest. Rounding `target / (1 + rate)` finds it: with y = x + round(x × rate),
 * y / (1 + rate) lies within 0.5 / (1 + rate) < 0.5 of x, so it rounds to x. (Checked against a
 * search of the neighbours for every value up to 3,000,000 öre and 2,000,000 random ones up to 10¹².)
 */
function preimage(target: number, rateBp: number): number {
  return Math.round((target * BP) / (BP + rateBp));
}

function fromAmountAndInvoiced(amount: number, invoicedAmount: number, fee: number): Breakdown {
  const invoicedVat = percentTruncated(invoicedAmount, VAT_RATE_BP);
  const feeVat = percentTruncated(fee, VAT_RATE_BP);
  return {
    amount,
    invoicedAmount,
    cost: invoicedAmount + fee,
    fee,
    payroll: invoicedAmount - amount,
    tax: percentRounded(amount, TAX_RATE_BP),
    vat: invoicedVat + feeVat,
  };
}

/** Price a payout from whichever basis the request gave, in öre. */
export function priceFrom(basis: AmountBasis, ore: number): Breakdown {
  switch (basis) {
    case 'amount': {
      const invoiced = invoicedFromAmount(ore);
      return fromAmountAndInvoiced(ore, invoiced, percentRounded(invoiced, FEE_RATE_BP));
    }
    case 'invoiced_amount': {
      const amount = preimage(ore, PAYROLL_RATE_BP);
      return fromAmountAndInvoiced(amount, ore, percentRounded(ore, FEE_RATE_BP));
    }
    case 'cost': {
      const invoiced = preimage(ore, FEE_RATE_BP);
      return fromAmountAndInvoiced(preimage(invoiced, PAYROLL_RATE_BP), invoiced, ore - invoiced);
    }
  }
}

/** "1000.00" / "1000" / "1000.5" → 100000 öre. Callers pass spec-validated money strings. */
export function parseMoney(text: string): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new RangeError(`not a money string: ${JSON.stringify(text)}`);
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + fraction;
}

/** 100000 öre → "1000.00". */
export function formatMoney(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
