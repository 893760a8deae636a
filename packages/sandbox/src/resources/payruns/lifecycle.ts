/**
 * A payrun's life cycle: open (collecting payouts in its currency) → invoiced (closed: its billing
 * invoice exists) → paid (its invoice paid; its payouts notified). Closing is the client's step
 * (`POST /payruns/{id}/close/`), paying Gigapay's (a control, on the payrun or on its invoice).
 * "On credit" (a decision): an invoiced payrun whose invoice was issued, i.e. Gigapay extended
 * credit until its due date; such a payrun, like a paid one, keeps its payouts.
 */
import { detailError, nonFieldError } from '../../internal/errors.js';
import { newId, ocrNumber } from '../../internal/ids.js';
import { nextSeq, update } from '../../internal/state.js';
import type { SandboxCore } from '../../internal/core.js';
import type { IntegrationRecord } from '../integrations/record.js';
import { createInvoice, markPaid } from '../invoices/lifecycle.js';
import { lifecycle } from '../lifecycle.js';
import { PAYOUTS } from '../payouts/record.js';
import { serializePayout } from '../payouts/serialize.js';
import { PAYRUNS, type PayrunRecord } from './record.js';
import { serializePayrun } from './serialize.js';
import { payrunState } from './status.js';

const paidOrOnCredit = (what: string) => () => nonFieldError(`A paid payrun, or one on credit, ${what}.`);

export const payrunLifecycle = lifecycle(payrunState, {
  close: { from: ['open'], refuse: (payrun) => nonFieldError(`Payrun "${payrun.id}" is already closed.`) },
  pay: { from: ['open', 'invoiced', 'credit'], refuse: (payrun) => detailError(409, `Payrun "${payrun.id}" is already paid.`) },
  delete: { from: ['open', 'invoiced'], refuse: paidOrOnCredit('cannot be deleted') },
  /** Deleting one of its payouts. */
  removePayout: { from: ['open', 'invoiced'], refuse: paidOrOnCredit('keeps its payouts: this payout cannot be deleted') },
});

/** The open payrun in `currency`, started (with `Payrun.created`) when none is open. */
export function openPayrun(core: SandboxCore, integration: IntegrationRecord, currency: string): PayrunRecord {
  const existing = integration.data.get(PAYRUNS).openIn(currency);
  if (existing) return existing;
  const seq = nextSeq();
  const payrun: PayrunRecord = {
    id: newId(),
    costOre: 0,
    uuid: newId(),
    currency,
    metadata: {},
    ocrNumber: ocrNumber(seq),
    open: true,
    createdAt: core.clock.nowMicros(),
    invoice: null,
    seq,
  };
  integration.data.get(PAYRUNS).set(payrun.id, payrun);
  core.emit(integration, 'Payrun.created', serializePayrun(payrun));
  return payrun;
}

/** Closes an open payrun: no more payouts join it, and its billing invoice (a proforma) is created. */
export function closePayrun(core: SandboxCore, integration: IntegrationRecord, payrun: PayrunRecord): PayrunRecord {
  payrunLifecycle.check(payrun, 'close');
  const invoice = createInvoice(core, integration, { billingType: 'payrun', currency: payrun.currency, payrun });
  update(payrun, { open: false, invoice });
  return payrun;
}

/** What follows from its invoice being paid: `Payrun.paid`, then each payout notified (`Payout.notified`), oldest first. */
export function settlePayrun(core: SandboxCore, integration: IntegrationRecord, payrun: PayrunRecord): void {
  core.emit(integration, 'Payrun.paid', serializePayrun(payrun));
  // Gigapay notifies the employees of a payout once its payrun is paid.
  for (const payout of integration.data.get(PAYOUTS).of(payrun)) {
    if (payout.notifiedAt !== null || payout.canceledAt !== null) continue;
    const now = core.clock.nowMicros();
    update(payout, { notifiedAt: now, lastNotificationAt: now });
    core.emit(integration, 'Payout.notified', serializePayout(payout, core.clock.peekMicros()));
  }
}

/** Pays a payrun (closing it first when open): its invoice paid, then `settlePayrun`. */
export function payPayrun(core: SandboxCore, integration: IntegrationRecord, payrun: PayrunRecord): PayrunRecord {
  payrunLifecycle.check(payrun, 'pay');
  if (payrun.open) closePayrun(core, integration, payrun);
  markPaid(core, payrun.invoice!);
  settlePayrun(core, integration, payrun);
  return payrun;
}
