import { invoiceStatus } from '../invoices/lifecycle.js';
import type { PayrunRecord } from './record.js';

/**
 * Where a payrun stands. `open`, `invoiced` and `paid` are its `latest_status`; `credit` is an
 * invoiced one on credit (its invoice issued), shown as `invoiced`.
 */
export type PayrunState = 'open' | 'invoiced' | 'credit' | 'paid';

export function payrunState(payrun: PayrunRecord): PayrunState {
  if (payrun.open || payrun.invoice === null) return 'open';
  const invoice = invoiceStatus(payrun.invoice);
  return invoice === 'paid' ? 'paid' : invoice === 'invoice' ? 'credit' : 'invoiced';
}

/** The `latest_status` of a payrun. */
export const payrunStatus = (payrun: PayrunRecord): 'open' | 'invoiced' | 'paid' => {
  const state = payrunState(payrun);
  return state === 'credit' ? 'invoiced' : state;
};

