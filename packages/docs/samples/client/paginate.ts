import type { GigapayClient } from '@gigapay/client';
import { paginate } from '@gigapay/client';
import type { Fixtures } from '../fixtures.js';

export default async function pages(client: GigapayClient<true>, { employeeId }: Fixtures) {
  // Every payout of one employee, page after page (25 a
  // page unless page_size says otherwise).
  const payouts = paginate(client, '/payouts/', {
    params: { query: { employee: employeeId, expand: ['employee'] } },
  });
  let total = 0;
  for await (const payout of payouts) {
    total += Number(payout.amount);
    console.log(payout.id, payout.employee.name); // expanded
  }
  console.log('Paid in all:', total.toFixed(2), 'SEK');
}
