import type { GigapayClient } from '@gigapay/client';

export default async function listInvoices(client: GigapayClient<true>) {
  // Gigapay's bills to you: issued and not yet paid, the
  // first due first. (A Payout's Payrun is /payruns/.)
  const { data } = await client.GET('/invoices/', {
    params: {
      query: { status: 'invoice', ordering: 'due_date' },
    },
  });
  for (const invoice of data.results) {
    console.log(invoice.invoice_number, invoice.amount_due);
  }
}
