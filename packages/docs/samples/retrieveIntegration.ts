import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function retrieveIntegration(client: GigapayClient<true>, { integrationId }: Fixtures) {
  const { data } = await client.GET('/integrations/{id}/', {
    params: { path: { id: integrationId } },
  });
  console.log(data.name, 'gets invoices at', data.email);
}
