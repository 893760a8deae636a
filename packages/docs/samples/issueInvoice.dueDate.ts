import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function issueInvoice(client: GigapayClient<true>, { invoiceId }: Fixtures) {
  // A proforma Invoice becomes a bill, due on this date
  // (today or later): here in 30 days.
  const due = new Date(Date.now() + 30 * 24 * 3_600_000);
  const { data } = await client.POST('/invoices/{id}/issue/', {
    params: { path: { id: invoiceId } },
    body: { due_date: due.toISOString().slice(0, 10) },
  });
  console.log(data.invoice_number, 'due', data.due_date);
}
