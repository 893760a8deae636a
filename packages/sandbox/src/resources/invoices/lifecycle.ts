/**
 * An invoice's life cycle: open (collecting payouts in its currency) → paid (closed, its payouts
 * notified). Paying is Gigapay's step (a control); a paid invoice keeps its payouts.
 */
import { detailError, nonFieldError } from '../../internal/errors.js';
import { newId, ocrNumber } from '../../internal/ids.js';
import { nextSeq, update } from '../../internal/state.js';
import type { SandboxCore } from '../../internal/core.js';
import type { IntegrationRecord } from '../integrations/record.js';
import { lifecycle } from '../lifecycle.js';
import { PAYOUTS } from '../payouts/record.js';
import { serializePayout } from '../payouts/serialize.js';
import { INVOICES, type InvoiceRecord } from './record.js';
import { serializeInvoice } from './serialize.js';

export type InvoiceState = 'open' | 'closed' | 'paid';

const stateOf = (invoice: InvoiceRecord): InvoiceState => (invoice.paidAt !== null ? 'paid' : invoice.open ? 'open' : 'closed');

export const invoiceLifecycle = lifecycle(stateOf, {
  pay: { from: ['open', 'closed'], refuse: (invoice) => detailError(409, `Invoice "${invoice.id}" is already paid.`) },
  delete: { from: ['open', 'closed'], refuse: () => nonFieldError('A paid invoice cannot be deleted.') },
  /** Deleting one of its payouts. */
  removePayout: { from: ['open', 'closed'], refuse: () => nonFieldError('The invoice of this payout is paid; the payout cannot be deleted.') },
});

/** The open invoice in `currency`, started (with `Invoice.created`) when none is open. */
export function openInvoice(core: SandboxCore, integration: IntegrationRecord, currency: string): InvoiceRecord {
  const existing = integration.data.get(INVOICES).openIn(currency);
  if (existing) return existing;
  const seq = nextSeq();
  const invoice: InvoiceRecord = {
    id: newId(),
    costOre: 0,
    uuid: newId(),
    currency,
    metadata: {},
    ocrNumber: ocrNumber(seq),
    open: true,
    createdAt: core.clock.nowMicros(),
    paidAt: null,
    seq,
  };
  integration.data.get(INVOICES).set(invoice.id, invoice);
  core.emit(integration, 'Invoice.created', serializeInvoice(invoice));
  return invoice;
}

/** Pays an invoice: `Invoice.paid`, then each of its payouts notified (`Payout.notified`), oldest first. */
export function payInvoice(core: SandboxCore, integration: IntegrationRecord, invoice: InvoiceRecord): InvoiceRecord {
  invoiceLifecycle.check(invoice, 'pay');
  update(invoice, { paidAt: core.clock.nowMicros(), open: false });
  core.emit(integration, 'Invoice.paid', serializeInvoice(invoice));
  // Gigapay notifies the employees of a payout once its invoice is paid.
  for (const payout of integration.data.get(PAYOUTS).of(invoice).sort((a, b) => a.seq - b.seq)) {
    if (payout.notifiedAt !== null) continue;
    const now = core.clock.nowMicros();
    update(payout, { notifiedAt: now, lastNotificationAt: now });
    core.emit(integration, 'Payout.notified', serializePayout(payout));
  }
  return invoice;
}
