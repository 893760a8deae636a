import type { GigapayClient } from '@gigapay/client';

export default async function listIntegrations(client: GigapayClient<true>) {
  const { data } = await client.GET('/integrations/');
  for (const integration of data.results) {
    console.log(integration.id, integration.name);
  }
}
