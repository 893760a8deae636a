import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function replaceWebhook(client: GigapayClient<true>, { webhookId }: Fixtures) {
  // PUT without secret_key rotates it: keep the new one.
  const { data } = await client.PUT('/webhooks/{id}/', {
    params: { path: { id: webhookId } },
    body: {
      url: 'https://jobmatchr.se/webhooks/payruns/',
      events: ['Payrun.created', 'Payrun.paid'],
    },
  });
  console.log(data.url, 'new secret:', data.secret_key);
}
