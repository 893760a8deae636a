import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function deleteRegistration(client: GigapayClient<true>, { registrationId }: Fixtures) {
  await client.DELETE('/registrations/{id}/', {
    params: { path: { id: registrationId } },
  });
}
