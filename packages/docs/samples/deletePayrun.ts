import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function deletePayrun(client: GigapayClient<true>, { payrunId }: Fixtures) {
  // Deletes an unpaid Payrun and its Payouts; a paid
  // one is refused (400).
  await client.DELETE('/payruns/{id}/', {
    params: { path: { id: payrunId } },
  });
}
