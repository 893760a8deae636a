import type { GigapayClient } from '@gigapay/client';
import { paginate } from '@gigapay/client';

export default async function listPayouts(client: GigapayClient<true>) {
  // paginate() follows `next`, one page in memory at a time;
  // expand gives each Payout its Employee instead of the id.
  const payouts = paginate(client, '/payouts/', {
    params: { query: { expand: ['employee'] } },
  });
  for await (const payout of payouts) {
    console.log(payout.employee.name, payout.invoiced_amount);
  }
}
