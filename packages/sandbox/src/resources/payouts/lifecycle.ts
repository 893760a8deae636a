/**
 * A payout's life cycle: created → notified (its payrun paid) → accepted (by the employee); until
 * it is accepted, Gigapay may cancel it (a control: the API has no cancel operation).
 */
import { detailError } from '../../internal/errors.js';
import { update } from '../../internal/state.js';
import type { SandboxCore } from '../../internal/core.js';
import type { IntegrationRecord } from '../integrations/record.js';
import { lifecycle } from '../lifecycle.js';
import type { PayoutRecord } from './record.js';
import { serializePayout } from './serialize.js';

export type PayoutState = 'created' | 'notified' | 'accepted' | 'canceled';

const stateOf = (payout: PayoutRecord): PayoutState =>
  payout.canceledAt !== null ? 'canceled' : payout.acceptedAt !== null ? 'accepted' : payout.notifiedAt !== null ? 'notified' : 'created';

export const payoutLifecycle = lifecycle(stateOf, {
  accept: {
    from: ['notified'],
    refuse: (payout, state) =>
      state === 'created'
        ? detailError(409, `Payout "${payout.id}" cannot be accepted before its employee is notified: pay payrun "${payout.payrun.id}" first.`)
        : detailError(409, `Payout "${payout.id}" is already ${state}.`),
  },
  cancel: { from: ['created', 'notified'], refuse: (payout, state) => detailError(409, `Payout "${payout.id}" is already ${state}.`) },
});

export function acceptPayout(core: SandboxCore, integration: IntegrationRecord, payout: PayoutRecord): PayoutRecord {
  payoutLifecycle.check(payout, 'accept');
  update(payout, { acceptedAt: core.clock.nowMicros() });
  core.emit(integration, 'Payout.accepted', serializePayout(payout, core.clock.peekMicros()));
  return payout;
}

/** Gigapay cancels the payout: `canceled_at`, `Payout.canceled`. It stays on its payrun, at its price. */
export function cancelPayout(core: SandboxCore, integration: IntegrationRecord, payout: PayoutRecord): PayoutRecord {
  payoutLifecycle.check(payout, 'cancel');
  update(payout, { canceledAt: core.clock.nowMicros() });
  core.emit(integration, 'Payout.canceled', serializePayout(payout, core.clock.peekMicros()));
  return payout;
}
