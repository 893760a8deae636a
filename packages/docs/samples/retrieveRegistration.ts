import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function retrieveRegistration(client: GigapayClient<true>, { registrationId }: Fixtures) {
  const { data } = await client.GET('/registrations/{id}/', {
    params: { path: { id: registrationId } },
  });
  // integration_id: the Integration it becomes once approved.
  console.log(data.needs_review, data.integration_id);
}
