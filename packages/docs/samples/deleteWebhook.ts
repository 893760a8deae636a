import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function deleteWebhook(client: GigapayClient<true>, { webhookId }: Fixtures) {
  await client.DELETE('/webhooks/{id}/', {
    params: { path: { id: webhookId } },
  });
}
