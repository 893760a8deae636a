import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function resendPayoutNotificationPut(client: GigapayClient<true>, { payoutId }: Fixtures) {
  // Deprecated: the PUT of Gigapay's samples. Prefer PATCH.
  await client.PUT('/payouts/{id}/resend/', {
    params: { path: { id: payoutId } },
  });
}
