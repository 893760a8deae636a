import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function retrievePrepayment(client: GigapayClient<true>, { prepaymentId }: Fixtures) {
  const { data } = await client.GET('/prepayments/{id}/', {
    params: { path: { id: prepaymentId } },
  });
  console.log(data.status, data.available_balance);
}
