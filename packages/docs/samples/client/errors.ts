import type { GigapayClient } from '@gigapay/client';
import { isErrorOf, NotFoundError } from '@gigapay/client';
import type { Fixtures } from '../fixtures.js';

export default async function errors(client: GigapayClient<true>, { employeeId }: Fixtures) {
  try {
    await client.POST('/payouts/', {
      body: {
        employee: employeeId,
        amount: '0', // Gigapay pays no zero amounts
        currency: 'SEK',
        description: 'Task 4711',
      },
    });
  } catch (error) {
    // This operation's 400, its body typed from the spec.
    if (isErrorOf(error, 'POST', '/payouts/', 400)) {
      console.log(error.status, error.fields); // 400 { amount: ['…'] }
    } else {
      throw error;
    }
  }

  // By class, for any operation.
  try {
    await client.GET('/employees/{id}/', {
      params: { path: { id: 'no-such-employee' } },
    });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    console.log(error.status, error.body.detail); // 404 'Not found.'
  }
}
