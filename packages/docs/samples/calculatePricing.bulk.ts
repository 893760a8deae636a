import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function calculatePricing(client: GigapayClient<true>, { employeeId }: Fixtures) {
  // Several Payouts priced at once, in the order sent.
  // amount (what the Employee gets) is deprecated but
  // accepted; invoiced_amount is what you pay.
  const { data: prices } = await client.POST('/pricing/', {
    body: [
      {
        employee: employeeId,
        amount: '1000.00',
        currency: 'SEK',
        description: 'Instagram samarbete 2021-11-13.',
      },
      {
        employee: employeeId,
        amount: '3000.00',
        currency: 'SEK',
        description: 'Instagram samarbete 2021-11-14.',
      },
    ],
  });
  for (const price of prices) {
    console.log(price.amount, price.invoiced_amount);
  }
}
