import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function deletePrepayment(client: GigapayClient<true>, { prepaymentId }: Fixtures) {
  await client.DELETE('/prepayments/{id}/', {
    params: { path: { id: prepaymentId } },
  });
}
