import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function retrieveWebhook(client: GigapayClient<true>, { webhookId }: Fixtures) {
  const { data } = await client.GET('/webhooks/{id}/', {
    params: { path: { id: webhookId } },
  });
  console.log(data.url, data.events);
}
