import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function deletePayout(client: GigapayClient<true>, { payoutId }: Fixtures) {
  // Only while its Payrun is neither paid nor on credit.
  await client.DELETE('/payouts/{id}/', {
    params: { path: { id: payoutId } },
  });
}
