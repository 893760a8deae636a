import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function retrievePricing(client: GigapayClient<true>, { payoutId }: Fixtures) {
  // A Pricing is looked up by the id of its Payout.
  const { data } = await client.GET('/pricing/{id}/', {
    params: { path: { id: payoutId } },
  });
  console.log(data.amount, 'invoiced', data.invoiced_amount);
}
