import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function retrieveInvoice(client: GigapayClient<true>, { invoiceId }: Fixtures) {
  const { data } = await client.GET('/invoices/{id}/', {
    params: { path: { id: invoiceId } },
  });
  console.log(data.price, data.currency);
  console.log('paid at', data.paid_at);
}
