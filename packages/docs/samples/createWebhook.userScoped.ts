import type { GigapayClient } from '@gigapay/client';

export default async function createWebhook(client: GigapayClient<true>) {
  // Registration.verified is your user's, not an
  // Integration's: subscribe from a client made without
  // integrationId, so that no Integration-ID is sent.
  const { data: webhook } = await client.POST('/webhooks/', {
    body: {
      url: 'https://jobmatchr.se/webhooks/registrations/',
      events: ['Registration.verified'],
    },
  });
  console.log(webhook.id, webhook.secret_key);
}
