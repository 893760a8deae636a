import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function listPricing(client: GigapayClient<true>, { payrunId }: Fixtures) {
  const { data } = await client.GET('/pricing/', {
    // invoice: a Payrun's id (Gigapay kept the old name).
    params: { query: { invoice: payrunId } },
  });
  for (const pricing of data.results) {
    console.log(pricing.amount, pricing.invoiced_amount);
  }
}
