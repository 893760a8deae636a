import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function createPayout(client: GigapayClient<true>, { employeeId }: Fixtures) {
  // An array creates them all or none (one 400 names each
  // invalid item). createPayoutsInBulk chunks long lists.
  const { data: payouts } = await client.POST('/payouts/', {
    body: [
      {
        employee: employeeId,
        invoiced_amount: '1000.00',
        currency: 'SEK',
        description: 'Instagram samarbete 2021-11-13.',
      },
      {
        employee: employeeId,
        invoiced_amount: '2500.00',
        currency: 'SEK',
        description: 'Instagram samarbete 2021-11-14.',
      },
    ],
  });
  for (const payout of payouts) {
    console.log(payout.id, payout.payrun);
  }
}
