// Guide 1, task-based compensation: pay for a finished task in one call, registering the worker
// inline. Running it twice for the same person reuses their Employee instead of creating another.
import type { GuideEnv } from './env.js';

export async function payForTask({ client, log }: GuideEnv) {
  const { data: payout } = await client.POST('/payouts/', {
    params: { query: { expand: ['employee'] } },
    body: {
      currency: 'SEK',
      description: 'Delivery run 2021-11-13',
      amount: '1000.00',
      employee: { name: 'Albin Lindskog', email: 'albin@example.com', cellphone_number: '+46703000000', country: 'SWE' },
      metadata: { task_id: 'task-4711' },
    },
  });
  // With expand=employee the payout carries the whole Employee, typed as such.
  log(`paid ${payout.amount} ${payout.currency} to ${payout.employee.name} (payout ${payout.id}, cost ${payout.cost}, invoice ${payout.invoice})`);
  return payout;
}
