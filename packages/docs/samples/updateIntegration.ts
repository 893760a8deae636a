import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function updateIntegration(client: GigapayClient<true>, { integrationId }: Fixtures) {
  // PATCH changes only the fields you send.
  const { data } = await client.PATCH('/integrations/{id}/', {
    params: { path: { id: integrationId } },
    body: { email: 'invoices@zerebra.com' },
  });
  console.log('Invoices now go to', data.email);
}
