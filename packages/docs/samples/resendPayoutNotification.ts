import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function resendPayoutNotification(client: GigapayClient<true>, { payoutId }: Fixtures) {
  // The Employee is first notified when the Payrun is paid;
  // a resend is allowed once per 24 hours.
  await client.PATCH('/payouts/{id}/resend/', {
    params: { path: { id: payoutId } },
  });
}
