import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function createPayout(client: GigapayClient<true>, { employeeId }: Fixtures) {
  // invoiced_amount: what you pay, fees included. The
  // client keys the POST: retrying it cannot pay twice.
  const { data: payout } = await client.POST('/payouts/', {
    body: {
      employee: employeeId,
      invoiced_amount: '1000.00',
      currency: 'SEK',
      description: 'Instagram samarbete 2021-11-13.',
    },
  });
  console.log('Payout', payout.id, 'in Payrun', payout.payrun);
}
