import type { GigapayClient } from '@gigapay/client';
import { ConnectionError, ServerError, TimeoutError } from '@gigapay/client';
import type { Fixtures } from '../fixtures.js';

export default async function retries(client: GigapayClient<true>, { employeeId }: Fixtures) {
  const task = { id: '4711', employee: employeeId, amount: '250.00' };
  const pay = () =>
    client.POST('/payouts/', {
      body: {
        employee: task.employee,
        amount: task.amount,
        currency: 'SEK',
        description: `Task ${task.id}`,
      },
      // The task's own key: whoever sends it again (a retry,
      // a second run of this job) gets the same payout back.
      idempotencyKey: `task-${task.id}`,
      maxRetries: 2, // the default: after 0.5 s, 1 s, with jitter
      timeoutMs: 30_000, // the default, per attempt
    });

  let result;
  try {
    result = await pay();
  } catch (error) {
    const unanswered =
      error instanceof ConnectionError ||
      error instanceof TimeoutError ||
      error instanceof ServerError;
    if (!unanswered) throw error;
    // Retries used up without an answer: it may be done.
    // The same key again, now or within 24 hours, gets the
    // payout it made instead of paying twice.
    result = await pay();
  }
  console.log('Paid once:', result.data.id);
}
