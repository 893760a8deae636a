import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function retrieveEmployee(client: GigapayClient<true>, { employeeId }: Fixtures) {
  const { data } = await client.GET('/employees/{id}/', {
    params: { path: { id: employeeId } },
  });
  console.log(data.name, 'verified at', data.verified_at);
}
