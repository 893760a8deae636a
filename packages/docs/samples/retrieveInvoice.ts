import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function retrieveInvoice(client: GigapayClient<true>, { invoiceId }: Fixtures) {
  const { data: invoice } = await client.GET('/invoices/{id}/', {
    params: { path: { id: invoiceId } },
  });
  // billing_type may be a kind added after this release.
  console.log(invoice.billing_type, invoice.total, invoice.currency);
  console.log('due', invoice.due_date, 'paid at', invoice.paid_at);
}
