import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function resendPayoutNotificationPut(client: GigapayClient<true>, { payoutId }: Fixtures) {
  // Deprecated: the PUT that Gigapay's payout samples send. Prefer PATCH.
  await client.PUT('/payouts/{id}/resend/', {
    params: { path: { id: payoutId } },
  });
}
