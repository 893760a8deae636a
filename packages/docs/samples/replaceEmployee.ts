import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function replaceEmployee(client: GigapayClient<true>, { employeeId }: Fixtures) {
  // PUT replaces every field: ones left out get their defaults.
  const { data } = await client.PUT('/employees/{id}/', {
    params: { path: { id: employeeId } },
    body: {
      name: 'Albin Lindskog',
      email: 'albin@mail.com',
      cellphone_number: '+46703000000',
      country: 'SWE',
      metadata: { user_id: 1847 },
    },
  });
  console.log('Replaced', data.id);
}
