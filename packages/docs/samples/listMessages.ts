import type { GigapayClient } from '@gigapay/client';

export default async function listMessages(client: GigapayClient<true>) {
  const { data } = await client.GET('/messages/');
  for (const message of data.results) {
    console.log(message.created_at, message.content);
  }
}
