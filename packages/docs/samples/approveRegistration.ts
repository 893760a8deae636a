import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function approveRegistration(client: GigapayClient<true>, { registrationId }: Fixtures) {
  // Demo server only: in production Gigapay approves it.
  // Registration.verified follows.
  const { data } =
    await client.POST('/registrations/{id}/approve/', {
      params: { path: { id: registrationId } },
    });
  console.log('Integration', data.integration_id);
}
