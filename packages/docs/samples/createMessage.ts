import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function createMessage(client: GigapayClient<true>, { employeeId }: Fixtures) {
  // Gigapay passes the text on to each Employee.
  const { data: message } = await client.POST('/messages/', {
    body: {
      employees: [employeeId],
      content: 'Closed on Friday: payouts go out Thursday.',
    },
  });
  console.log(message.id, 'to', message.employees);
}
