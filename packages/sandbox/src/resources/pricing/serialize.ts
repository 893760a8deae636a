import { formatMoney, type Breakdown } from '../../internal/pricing.js';

export function serializeBreakdown(prices: Breakdown, currency: string) {
  return {
    amount: formatMoney(prices.amount),
    invoiced_amount: formatMoney(prices.invoicedAmount),
    cost: formatMoney(prices.cost),
    currency,
    fee: formatMoney(prices.fee),
    health_insurance: null,
    payroll: formatMoney(prices.payroll),
    pension: null,
    tax: formatMoney(prices.tax),
    vat: formatMoney(prices.vat),
  };
}
