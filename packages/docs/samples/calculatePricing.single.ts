import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function calculatePricing(client: GigapayClient<true>, { employeeId }: Fixtures) {
  // A POST /payouts/ body, priced without creating anything.
  const { data: pricing } = await client.POST('/pricing/', {
    body: {
      employee: employeeId,
      invoiced_amount: '1000.00',
      currency: 'SEK',
      description: 'Instagram samarbete 2021-11-13.',
    },
  });
  console.log('The Employee gets', pricing.amount);
  console.log('tax', pricing.tax, 'fee', pricing.fee);
}
