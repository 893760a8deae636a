import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function updateEmployee(client: GigapayClient<true>, { employeeId }: Fixtures) {
  // PATCH changes only the fields you send.
  const { data } = await client.PATCH('/employees/{id}/', {
    params: { path: { id: employeeId } },
    body: { email: 'albin@mail.com' },
  });
  console.log(data.name, 'now has the email', data.email);
}
