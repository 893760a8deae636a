import type { GigapayClient } from '@gigapay/client';

export default async function createPrepayment(client: GigapayClient<true>) {
  // Money paid in ahead; Payouts draw on its balance.
  const { data } = await client.POST('/prepayments/', {
    body: {
      description: 'Prepayment for March gigs',
      net_amount: '50000.00',
      currency: 'SEK',
      invoice_marking: 'PO-4711',
      metadata: { budget: '2024-Q1' },
    },
  });
  // Its Invoice: issue it to be billed.
  console.log(data.id, data.invoice);
}
