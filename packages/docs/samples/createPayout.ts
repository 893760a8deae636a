import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function createPayout(client: GigapayClient<true>, { employeeId }: Fixtures) {
  // Give one of amount (what the Employee gets),
  // invoiced_amount or cost. The client keys the POST:
  // retrying it cannot pay twice.
  const { data: payout } = await client.POST('/payouts/', {
    body: {
      employee: employeeId,
      amount: '1000.00',
      currency: 'SEK',
      description: 'Instagram collaboration 2021-11-13',
    },
  });
  console.log('Payout', payout.id, 'costs', payout.cost);
}
