import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function issueInvoice(client: GigapayClient<true>, { invoiceId }: Fixtures) {
  // A proforma Invoice becomes a bill, due on this date.
  const { data } = await client.POST('/invoices/{id}/issue/', {
    params: { path: { id: invoiceId } },
    body: { due_date: '2024-02-15' },
  });
  console.log(data.invoice_number, 'due', data.due_date);
}
