import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function updateRegistration(client: GigapayClient<true>, { registrationId }: Fixtures) {
  // PATCH changes only the fields you send.
  const { data } = await client.PATCH('/registrations/{id}/', {
    params: { path: { id: registrationId } },
    body: {
      email: 'contact@nordlys.dk',
      phone_number: '+4570123457',
    },
  });
  console.log(data.email, data.phone_number);
}
