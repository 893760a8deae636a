/**
 * A payrun's life cycle: open (collecting payouts in its currency) → paid (closed, its payouts
 * notified). Paying is Gigapay's step (a control); a paid payrun keeps its payouts.
 */
import { detailError, nonFieldError } from '../../internal/errors.js';
import { newId, ocrNumber } from '../../internal/ids.js';
import { nextSeq, update } from '../../internal/state.js';
import type { SandboxCore } from '../../internal/core.js';
import type { IntegrationRecord } from '../integrations/record.js';
import { lifecycle } from '../lifecycle.js';
import { PAYOUTS } from '../payouts/record.js';
import { serializePayout } from '../payouts/serialize.js';
import { PAYRUNS, type PayrunRecord } from './record.js';
import { serializePayrun } from './serialize.js';

/** The payrun's `latest_status`: `open` collects payouts, `invoiced` is closed and billed, `paid`. */
export type PayrunState = 'open' | 'invoiced' | 'paid';

export const payrunStatus = (payrun: PayrunRecord): PayrunState => (payrun.paidAt !== null ? 'paid' : payrun.open ? 'open' : 'invoiced');
const stateOf = payrunStatus;

export const payrunLifecycle = lifecycle(stateOf, {
  pay: { from: ['open', 'invoiced'], refuse: (payrun) => detailError(409, `Payrun "${payrun.id}" is already paid.`) },
  delete: { from: ['open', 'invoiced'], refuse: () => nonFieldError('A paid payrun cannot be deleted.') },
  /** Deleting one of its payouts. */
  removePayout: { from: ['open', 'invoiced'], refuse: () => nonFieldError('The payrun of this payout is paid; the payout cannot be deleted.') },
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
    paidAt: null,
    seq,
  };
  integration.data.get(PAYRUNS).set(payrun.id, payrun);
  core.emit(integration, 'Payrun.created', serializePayrun(payrun));
  return payrun;
}

/** Pays a payrun: `Payrun.paid`, then each of its payouts notified (`Payout.notified`), oldest first. */
export function payPayrun(core: SandboxCore, integration: IntegrationRecord, payrun: PayrunRecord): PayrunRecord {
  payrunLifecycle.check(payrun, 'pay');
  update(payrun, { paidAt: core.clock.nowMicros(), open: false });
  core.emit(integration, 'Payrun.paid', serializePayrun(payrun));
  // Gigapay notifies the employees of a payout once its payrun is paid.
  for (const payout of integration.data.get(PAYOUTS).of(payrun).sort((a, b) => a.seq - b.seq)) {
    if (payout.notifiedAt !== null) continue;
    const now = core.clock.nowMicros();
    update(payout, { notifiedAt: now, lastNotificationAt: now });
    core.emit(integration, 'Payout.notified', serializePayout(payout));
  }
  return payrun;
}
