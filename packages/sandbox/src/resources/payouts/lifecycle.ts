/**
 * A payout's life cycle: created → notified (its payrun paid) → accepted (by the employee).
 */
import { detailError } from '../../internal/errors.js';
import { update } from '../../internal/state.js';
import type { SandboxCore } from '../../internal/core.js';
import type { IntegrationRecord } from '../integrations/record.js';
import { lifecycle } from '../lifecycle.js';
import type { PayoutRecord } from './record.js';
import { serializePayout } from './serialize.js';

export type PayoutState = 'created' | 'notified' | 'accepted';

const stateOf = (payout: PayoutRecord): PayoutState => (payout.acceptedAt !== null ? 'accepted' : payout.notifiedAt !== null ? 'notified' : 'created');

export const payoutLifecycle = lifecycle(stateOf, {
  accept: {
    from: ['notified'],
    refuse: (payout, state) =>
      state === 'accepted'
        ? detailError(409, `Payout "${payout.id}" is already accepted.`)
        : detailError(409, `Payout "${payout.id}" cannot be accepted before its employee is notified: pay payrun "${payout.payrun.id}" first.`),
  },
});

export function acceptPayout(core: SandboxCore, integration: IntegrationRecord, payout: PayoutRecord): PayoutRecord {
  payoutLifecycle.check(payout, 'accept');
  update(payout, { acceptedAt: core.clock.nowMicros() });
  core.emit(integration, 'Payout.accepted', serializePayout(payout));
  return payout;
}
