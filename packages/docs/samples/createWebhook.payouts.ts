import type { GigapayClient } from '@gigapay/client';

export default async function createWebhook(client: GigapayClient<true>) {
  const { data: webhook } = await client.POST('/webhooks/', {
    body: {
      url: 'https://jobmatchr.se/webhooks/payouts/',
      events: ['Payout.notified', 'Payout.accepted'],
    },
  });
  // Store the secret: it verifies each Gigapay-Signature.
  console.log(webhook.id, webhook.secret_key);
}
