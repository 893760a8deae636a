import type { GigapayClient } from '@gigapay/client';

export default async function retrievePaymentTerm(client: GigapayClient<true>) {
  // How Payruns are batched and billed, and the credit left.
  const { data: term } = await client.GET('/payment_term/');
  console.log('batched', term.batching_interval);
  console.log('due in', term.due_days, 'days');
  for (const credit of term.credit_terms) {
    const { currency, credit_used, credit_limit } = credit;
    console.log(currency, credit_used, 'of', credit_limit);
  }
}
