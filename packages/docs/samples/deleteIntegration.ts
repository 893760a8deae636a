import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function deleteIntegration(client: GigapayClient<true>, { integrationId }: Fixtures) {
  // Refused (400) while the Integration still owns objects.
  await client.DELETE('/integrations/{id}/', {
    params: { path: { id: integrationId } },
  });
}
