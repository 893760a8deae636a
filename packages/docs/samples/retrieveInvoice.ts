import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function retrieveInvoice(client: GigapayClient<true>, { invoiceId }: Fixtures) {
  const { data } = await client.GET('/invoices/{id}/', {
    params: { path: { id: invoiceId } },
  });
  // billing_type may be a kind added after this release.
  console.log(data.billing_type, data.total, data.currency);
  console.log('due', data.due_date, 'paid at', data.paid_at);
}
