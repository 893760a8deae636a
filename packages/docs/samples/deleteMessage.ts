import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function deleteMessage(client: GigapayClient<true>, { messageId }: Fixtures) {
  await client.DELETE('/messages/{id}/', {
    params: { path: { id: messageId } },
  });
}
