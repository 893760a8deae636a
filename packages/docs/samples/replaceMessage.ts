import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function replaceMessage(client: GigapayClient<true>, { messageId, employeeId }: Fixtures) {
  // PUT replaces the Message: recipients and text.
  const { data } = await client.PUT('/messages/{id}/', {
    params: { path: { id: messageId } },
    body: {
      employees: [employeeId],
      content: 'Closed on Friday: payouts go out Thursday.',
    },
  });
  console.log(data.content);
}
