import type { GigapayClient } from '@gigapay/client';

export default async function listInvoices(client: GigapayClient<true>) {
  // The Invoices still to be paid.
  const { data } = await client.GET('/invoices/', {
    params: { query: { paid_at_null: true } },
  });
  for (const invoice of data.results) {
    console.log(invoice.id, invoice.price, invoice.currency);
  }
}
