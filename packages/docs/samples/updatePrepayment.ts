import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function updatePrepayment(client: GigapayClient<true>, { prepaymentId }: Fixtures) {
  const { data } = await client.PATCH('/prepayments/{id}/', {
    params: { path: { id: prepaymentId } },
    body: { net_amount: '60000.00' },
  });
  console.log(data.net_amount, data.currency);
}
