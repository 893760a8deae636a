// 2.0: send `invoiced_amount`, what you pay for the work before Gigapay's fee; `amount` and `cost`
// still work but are deprecated. Pricing tells you the invoiced amount of a salary you paid before.
import { createGigapayClient } from '@gigapay/client';

const gigapay = createGigapayClient({ token: process.env['GIGAPAY_TOKEN']!, integrationId: process.env['GIGAPAY_INTEGRATION_ID'], throwOnError: true });

const { data: payout } = await gigapay.POST('/payouts/', {
  body: { employee: 'user-1847', currency: 'SEK', description: 'Task 4711', invoiced_amount: '1314.20' },
});
console.log('invoiced', payout.invoiced_amount);
