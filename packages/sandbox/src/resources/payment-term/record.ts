/**
 * The payment term: one object per integration, read-only through the API (support changes it
 * at Gigapay). The sandbox gives every integration the same documented terms; `credit_used` is
 * `0.00`, as the sandbox lends nothing (no payrun is settled on credit).
 */
import type { IntegrationRecord } from '../integrations/record.js';

export interface CreditTerm {
  currency: string;
  credit_limit: string;
  credit_used: string;
}

export interface PaymentTerm {
  /** Seconds a payrun stays open before it closes by itself. */
  batching_duration: number;
  /** Days from an invoice's issue to its due date. */
  due_days: number;
  batching_interval: 'weekly' | 'monthly' | 'quarterly';
  /** One per currency. */
  credit_terms: CreditTerm[];
}

/** Gigapay's example values (reference §2.10): a payrun open for a day, 14 days to pay, settled weekly. */
export const DEFAULT_PAYMENT_TERM: Readonly<PaymentTerm> = Object.freeze({
  batching_duration: 86_400,
  due_days: 14,
  batching_interval: 'weekly',
  credit_terms: [
    { currency: 'SEK', credit_limit: '100000.00', credit_used: '0.00' },
    { currency: 'EUR', credit_limit: '10000.00', credit_used: '0.00' },
  ],
});

/** The payment term of `integration` (for the life cycles that need it, such as an invoice's due date). */
export function paymentTermOf(_integration: IntegrationRecord): Readonly<PaymentTerm> {
  return DEFAULT_PAYMENT_TERM;
}
