import type { GigapayClient } from '@gigapay/client';

export default async function retrievePaymentTerm(client: GigapayClient<true>) {
  // How Payruns are batched and billed, and the credit left.
  const { data: term } = await client.GET('/payment_term/');
  console.log(term.batching_interval, 'due in', term.due_days, 'days');
  for (const credit of term.credit_terms) {
    console.log(credit.currency, credit.credit_used, 'of', credit.credit_limit);
  }
}
