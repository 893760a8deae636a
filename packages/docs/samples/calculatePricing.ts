import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function calculatePricing(client: GigapayClient<true>, { employeeId }: Fixtures) {
  // A POST /payouts/ body, priced without creating anything.
  const { data: pricing } = await client.POST('/pricing/', {
    body: {
      employee: employeeId,
      amount: '1000.00',
      currency: 'SEK',
      description: 'Instagram collaboration 2021-11-13',
    },
  });
  console.log('Paying', pricing.amount, 'costs', pricing.cost);
  console.log('tax', pricing.tax, 'fee', pricing.fee);
}
