import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function retrievePayout(client: GigapayClient<true>, { payoutId }: Fixtures) {
  const { data: payout } = await client.GET('/payouts/{id}/', {
    params: {
      path: { id: payoutId },
      query: { expand: ['employee'] },
    },
  });
  console.log(payout.invoiced_amount, payout.employee.name);
  console.log('in Payrun', payout.payrun, payout.latest_status);
  console.log('accepted:', payout.accepted_at);
}
