import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function listPricing(client: GigapayClient<true>, { invoiceId }: Fixtures) {
  const { data } = await client.GET('/pricing/', {
    params: { query: { invoice: invoiceId } },
  });
  for (const pricing of data.results) {
    console.log(pricing.amount, 'costs', pricing.cost);
  }
}
