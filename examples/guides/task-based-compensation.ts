// Guide 1, task-based compensation: pay for a finished task in one call, registering the worker
// inline (their email is required). The payout joins your open payrun, which collects payouts
// until it is closed. Running it twice for the same person reuses their Employee.
import { payrunOf } from '@gigapay/client';
import type { GuideEnv } from './env.js';

export async function payForTask({ client, log }: GuideEnv) {
  const { data: payout } = await client.POST('/payouts/', {
    params: { query: { expand: ['employee'] } },
    body: {
      currency: 'SEK',
      description: 'Delivery run 2021-11-13',
      // What you pay for the task before Gigapay's fee (`amount` and `cost` are deprecated).
      invoiced_amount: '1314.20',
      employee: { name: 'Albin Lindskog', email: 'albin@example.com', cellphone_number: '+46703000000', country: 'SWE' },
      metadata: { task_id: 'task-4711' },
    },
  });
  // With expand=employee the payout carries the whole Employee, typed as such.
  log(`paid ${payout.invoiced_amount} ${payout.currency} to ${payout.employee.name} (payout ${payout.id}, on payrun ${payrunOf(payout)})`);
  return payout;
}
