import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function issueInvoice(client: GigapayClient<true>, { invoiceId }: Fixtures) {
  // Without due_date the Payment Term's due_days apply.
  const { data } = await client.POST('/invoices/{id}/issue/', {
    params: { path: { id: invoiceId } },
    body: {},
  });
  console.log(data.invoice_number, 'due', data.due_date);
}
