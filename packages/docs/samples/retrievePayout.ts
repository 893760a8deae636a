import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function retrievePayout(client: GigapayClient<true>, { payoutId }: Fixtures) {
  const { data: payout } = await client.GET('/payouts/{id}/', {
    params: {
      path: { id: payoutId },
      query: { expand: ['employee'] },
    },
  });
  console.log(payout.amount, 'to', payout.employee.name);
  console.log('accepted:', payout.accepted_at);
}
