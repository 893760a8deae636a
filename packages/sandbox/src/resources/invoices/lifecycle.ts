/**
 * A billing invoice's life cycle: proforma → invoice (issued: `issued_at`, `due_date`) → paid.
 * Paying is Gigapay's step (a control); a proforma may be paid without being issued. The invoice is
 * the one source of truth for "paid": a payrun's `paid_at` is its invoice's.
 */
import { detailError, fieldError, nonFieldError } from '../../internal/errors.js';
import { newId, ocrNumber } from '../../internal/ids.js';
import { nextSeq, update } from '../../internal/state.js';
import type { SandboxCore } from '../../internal/core.js';
import type { IntegrationRecord } from '../integrations/record.js';
import { lifecycle } from '../lifecycle.js';
import { INVOICES, type BillingType, type InvoiceRecord } from './record.js';

/** The invoice's state, as the `status` filter names it. */
export type InvoiceState = 'proforma' | 'invoice' | 'paid';

export const invoiceStatus = (invoice: InvoiceRecord): InvoiceState => (invoice.paidAt !== null ? 'paid' : invoice.issuedAt !== null ? 'invoice' : 'proforma');

export const invoiceLifecycle = lifecycle(invoiceStatus, {
  issue: { from: ['proforma'], refuse: (invoice) => detailError(409, `Invoice "${invoice.id}" is already issued.`) },
  pay: { from: ['proforma', 'invoice'], refuse: (invoice) => detailError(409, `Invoice "${invoice.id}" is already paid.`) },
  /** Deleting what it bills (a payrun): only while a proforma; an issued invoice is credit extended. */
  discard: { from: ['proforma'], refuse: () => nonFieldError('A paid payrun, or one on credit, cannot be deleted.') },
});

/** Without a payment term's `due_days`, an issued invoice is due in this many days. */
export const FALLBACK_DUE_DAYS = 14;
/** `due_date` may be at most this many days ahead. */
export const MAX_DUE_DAYS = 365;

export function createInvoice(
  core: SandboxCore,
  integration: IntegrationRecord,
  fields: { billingType: BillingType; currency: string; payrun?: InvoiceRecord['payrun']; totalOre?: number; customerReference?: string | null },
): InvoiceRecord {
  const seq = nextSeq();
  const invoice: InvoiceRecord = {
    id: newId(),
    billingType: fields.billingType,
    payrun: fields.payrun ?? null,
    totalOre: fields.totalOre ?? 0,
    currency: fields.currency,
    invoiceNumber: ocrNumber(seq),
    customerReference: fields.customerReference ?? null,
    createdAt: core.clock.nowMicros(),
    issuedAt: null,
    dueDate: null,
    paidAt: null,
    seq,
  };
  integration.data.get(INVOICES).set(invoice.id, invoice);
  return invoice;
}

const MICROS_PER_DAY = 86_400_000_000;
/** The sandbox's calendar day (UTC) of a time, as an ISO date. */
const isoDate = (micros: number): string => new Date(Math.floor(micros / 1000)).toISOString().slice(0, 10);

/** `due_date` as sent, or the default: `dueDays` after today. Refuses a date in the past or more than a year ahead. */
export function dueDateFor(core: SandboxCore, sent: string | undefined, dueDays: number): string {
  const now = core.clock.peekMicros();
  const today = isoDate(now);
  if (sent === undefined) return isoDate(now + dueDays * MICROS_PER_DAY);
  const latest = isoDate(now + MAX_DUE_DAYS * MICROS_PER_DAY);
  // ISO dates compare as text; the spec has already checked the format.
  if (sent < today) throw fieldError('due_date', `Ensure the due date is today (${today}) or later.`);
  if (sent > latest) throw fieldError('due_date', `Ensure the due date is at most ${MAX_DUE_DAYS} days ahead (${latest}).`);
  return sent;
}

/** Issues a proforma: 403 unless the integration may invoice, 409 when already issued. */
export function issueInvoice(core: SandboxCore, integration: IntegrationRecord, invoice: InvoiceRecord, dueDate: string | undefined, dueDays: number): InvoiceRecord {
  if (!integration.invoiceEnabled) throw detailError(403, `Integration "${integration.id}" may not issue invoices (invoice_enabled is false).`);
  invoiceLifecycle.check(invoice, 'issue');
  update(invoice, { dueDate: dueDateFor(core, dueDate, dueDays), issuedAt: core.clock.nowMicros() });
  return invoice;
}

/** Marks the invoice paid (nothing else: what it bills reacts in its own module). */
export function markPaid(core: SandboxCore, invoice: InvoiceRecord): InvoiceRecord {
  invoiceLifecycle.check(invoice, 'pay');
  update(invoice, { paidAt: core.clock.nowMicros() });
  return invoice;
}
