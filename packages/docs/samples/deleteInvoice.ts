import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function deleteInvoice(client: GigapayClient<true>, { invoiceId }: Fixtures) {
  // Deletes an unpaid Invoice and its Payouts; a paid or
  // on-credit Invoice is refused (400).
  await client.DELETE('/invoices/{id}/', {
    params: { path: { id: invoiceId } },
  });
}
