// 1.x: most integrations paid by `amount`, the gross salary, and read what it cost in `cost`.
import { createGigapayClient } from '@gigapay/client';

const gigapay = createGigapayClient({ token: process.env['GIGAPAY_TOKEN']!, integrationId: process.env['GIGAPAY_INTEGRATION_ID'], throwOnError: true });

const { data: payout } = await gigapay.POST('/payouts/', {
  body: { employee: 'user-1847', currency: 'SEK', description: 'Task 4711', amount: '1000.00' },
});
console.log('salary', payout.amount, 'costs you', payout.cost);
