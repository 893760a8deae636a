import type { PaymentTerm } from './record.js';

export function serializePaymentTerm(term: Readonly<PaymentTerm>) {
  return {
    batching_duration: term.batching_duration,
    due_days: term.due_days,
    batching_interval: term.batching_interval,
    credit_terms: term.credit_terms.map((credit) => ({ currency: credit.currency, credit_limit: credit.credit_limit, credit_used: credit.credit_used })),
  };
}
