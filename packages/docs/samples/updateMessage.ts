import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function updateMessage(client: GigapayClient<true>, { messageId }: Fixtures) {
  const { data } = await client.PATCH('/messages/{id}/', {
    params: { path: { id: messageId } },
    body: { content: 'Closed Friday: paid out Wednesday.' },
  });
  console.log(data.content);
}
