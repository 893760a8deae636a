import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function updateWebhook(client: GigapayClient<true>, { webhookId }: Fixtures) {
  // The new list of events replaces the old one.
  const { data } = await client.PATCH('/webhooks/{id}/', {
    params: { path: { id: webhookId } },
    body: { events: ['Payout.created', 'Payout.accepted'] },
  });
  console.log('Subscribed to', data.events);
}
