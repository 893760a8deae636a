import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function resendEmployeeInvitation(client: GigapayClient<true>, { employeeId }: Fixtures) {
  // Once per 24 hours: a second resend within that is a 400.
  await client.PATCH('/employees/{id}/resend/', {
    params: { path: { id: employeeId } },
  });
}
