import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function deleteEmployee(client: GigapayClient<true>, { employeeId }: Fixtures) {
  // Refused (400) once the Employee has Payouts.
  await client.DELETE('/employees/{id}/', {
    params: { path: { id: employeeId } },
  });
}
