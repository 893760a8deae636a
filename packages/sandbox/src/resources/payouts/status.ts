/**
 * A payout's `latest_status`, derived from the state in one place (Gigapay documents what each
 * value means, not when it is set; the sandbox's reading):
 *
 * | value                   | when                                                                 |
 * |-------------------------|----------------------------------------------------------------------|
 * | `complete`              | accepted by the employee (`accepted_at`)                             |
 * | `created`               | its payrun is still open                                             |
 * | `not_funded`            | its payrun is closed and not paid: waiting for funding, not visible  |
 * | `onboarding_incomplete` | funded (payrun paid), the employee not yet verified                  |
 * | `notification_sent`     | funded and notified, employee verified, the gig not over (`end_at` ahead): shown with its date |
 * | `available`             | funded and notified, employee verified, the gig over (or no `end_at`): ready to accept |
 *
 * Canceling (`canceled_at`) has no value of its own in Gigapay's list: the status stays as it was.
 */
import { paidAtOf } from '../payruns/record.js';
import type { PayoutRecord } from './record.js';

export type PayoutStatus = 'created' | 'not_funded' | 'onboarding_incomplete' | 'notification_sent' | 'available' | 'complete';

export function payoutStatus(payout: PayoutRecord, nowMicros: number): PayoutStatus {
  if (payout.acceptedAt !== null) return 'complete';
  if (payout.payrun.open) return 'created';
  if (paidAtOf(payout.payrun) === null || payout.notifiedAt === null) return 'not_funded';
  if (payout.employee.verifiedAt === null) return 'onboarding_incomplete';
  return payout.endAt !== null && payout.endAt > nowMicros ? 'notification_sent' : 'available';
}
