// What every guide gets: a client acting as your integration, a client for any other integration
// of your user (a company whose registration was approved), and the sandbox standing in for
// Gigapay and the people you pay (verifying them, paying your payruns, accepting payouts).
import type { GigapayClient } from '@gigapay/client';
import type { ListeningSandbox } from '@gigapay/sandbox';

export interface GuideEnv {
  client: GigapayClient<true>;
  clientFor: (integrationId: string) => GigapayClient<true>;
  sandbox: ListeningSandbox;
  log: (line: string) => void;
}

/** A payout as far as its payrun goes: the payrun's id, or the Payrun where a response expanded it. */
interface OnAPayrun {
  payrun?: string | { id: string };
  /** @deprecated the same payrun, under its name of before September 2025 */
  invoice?: string | { id: string };
}

/**
 * The id of the payrun a payout is on: `payrun`, or, for a payout recorded before Gigapay added
 * `payrun` (September 2025), the deprecated `invoice`, which holds the same payrun's id.
 */
export function payrunIdOf(payout: OnAPayrun): string {
  const payrun = payout.payrun ?? payout.invoice;
  if (payrun === undefined) throw new Error('the payout names no payrun');
  return typeof payrun === 'object' ? payrun.id : payrun;
}
