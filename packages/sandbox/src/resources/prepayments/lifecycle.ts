/**
 * A prepayment's life cycle, with Gigapay's UPPER-CASE statuses: DRAFT (editable, deletable) →
 * INVOICED (its invoice issued) → PAID (its invoice paid, the net amount available) →
 * PARTIALLY_USED → FULLY_USED (as payruns draw on it). Invoicing, paying and using are Gigapay's
 * steps: controls. Its invoice is the one source of truth for invoiced and paid, so issuing or
 * paying that invoice directly (`POST /invoices/{id}/issue/`, the `payInvoice` control) moves the
 * prepayment along just the same.
 */
import { ApiError, detailError, nonFieldError } from '../../internal/errors.js';
import { touch } from '../../internal/journal.js';
import { formatMoney, parseMoney } from '../../internal/pricing.js';
import { isNotPositive } from '../../internal/request-values.js';
import type { SandboxCore } from '../../internal/core.js';
import type { IntegrationRecord } from '../integrations/record.js';
import { FALLBACK_DUE_DAYS, issueInvoice, markPaid } from '../invoices/lifecycle.js';
import { lifecycle } from '../lifecycle.js';
import type { PrepaymentRecord } from './record.js';

export type PrepaymentStatus = 'DRAFT' | 'INVOICED' | 'PAID' | 'PARTIALLY_USED' | 'FULLY_USED';

/** What is left to draw on: nothing until paid, then the net amount less what was used. */
export const availableOre = (prepayment: PrepaymentRecord): number => (prepayment.invoice.paidAt === null ? 0 : prepayment.netOre - prepayment.usedOre);

export function statusOf(prepayment: PrepaymentRecord): PrepaymentStatus {
  const { invoice } = prepayment;
  if (invoice.paidAt !== null) return prepayment.usedOre === 0 ? 'PAID' : availableOre(prepayment) > 0 ? 'PARTIALLY_USED' : 'FULLY_USED';
  return invoice.issuedAt !== null ? 'INVOICED' : 'DRAFT';
}

// The spec's decision: a refused change of an object's state is a 400 under `non_field_errors`.
const notDraft = () => nonFieldError('Only a DRAFT prepayment can be changed or deleted.');
// A control step out of order is a 409, as every other control's.
const outOfOrder = (rule: string) => (prepayment: PrepaymentRecord, status: PrepaymentStatus) => detailError(409, `Prepayment "${prepayment.id}" is ${status}: ${rule}.`);

export const prepaymentLifecycle = lifecycle(statusOf, {
  update: { from: ['DRAFT'], refuse: notDraft },
  delete: { from: ['DRAFT'], refuse: notDraft },
  invoice: { from: ['DRAFT'], refuse: outOfOrder('only a DRAFT can be invoiced') },
  pay: { from: ['INVOICED'], refuse: outOfOrder('it can be paid only once INVOICED') },
  use: { from: ['PAID', 'PARTIALLY_USED'], refuse: outOfOrder('its balance can be used only once paid') },
});

/** DRAFT → INVOICED: issues its invoice (`issued_at`, the default `due_date`), as `POST /invoices/{id}/issue/` would. */
export function invoicePrepayment(core: SandboxCore, integration: IntegrationRecord, prepayment: PrepaymentRecord): PrepaymentRecord {
  prepaymentLifecycle.check(prepayment, 'invoice');
  issueInvoice(core, integration, prepayment.invoice, undefined, FALLBACK_DUE_DAYS);
  return prepayment;
}

/** INVOICED → PAID: pays its invoice; the whole net amount becomes available. */
export function payPrepayment(core: SandboxCore, prepayment: PrepaymentRecord): PrepaymentRecord {
  prepaymentLifecycle.check(prepayment, 'pay');
  markPaid(core, prepayment.invoice);
  return prepayment;
}

const badAmount = (message: string) => new ApiError(400, { detail: `amount ${message}` });

/** Draws `amount` (a money string; the whole balance when absent) as a payrun would: PARTIALLY_USED, then FULLY_USED. */
export function usePrepayment(prepayment: PrepaymentRecord, amount: unknown): PrepaymentRecord {
  prepaymentLifecycle.check(prepayment, 'use');
  const available = availableOre(prepayment);
  let ore = available;
  if (amount !== undefined) {
    if (typeof amount !== 'string' || !/^-?\d+(\.\d{1,2})?$/.test(amount)) throw badAmount('must be a decimal string with at most 2 decimals, such as "100.00".');
    if (isNotPositive(amount)) throw badAmount('must be greater than 0.');
    ore = parseMoney(amount);
    if (ore > available) throw badAmount(`must be at most the available balance, ${formatMoney(available)}.`);
  }
  touch(prepayment);
  prepayment.usedOre += ore;
  return prepayment;
}
