import type { GigapayClient } from '@gigapay/client';

export default async function listWebhooks(client: GigapayClient<true>) {
  const { data } = await client.GET('/webhooks/');
  for (const webhook of data.results) {
    console.log(webhook.url, webhook.events);
  }
}
