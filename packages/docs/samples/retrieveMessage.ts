import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function retrieveMessage(client: GigapayClient<true>, { messageId }: Fixtures) {
  const { data } = await client.GET('/messages/{id}/', {
    params: { path: { id: messageId } },
  });
  console.log(data.content, 'to', data.employees);
}
