// 1.x: a payout could name the country the work was done in, and ask for a full salary specification.
import { createGigapayClient } from '@gigapay/client';

const gigapay = createGigapayClient({ token: process.env['GIGAPAY_TOKEN']!, integrationId: process.env['GIGAPAY_INTEGRATION_ID'], throwOnError: true });

const { data: payout } = await gigapay.POST('/payouts/', {
  body: {
    employee: 'user-1847',
    currency: 'SEK',
    description: 'Weekend shift',
    invoiced_amount: '2500.00',
    country: 'SWE',
    full_salary_specification: true,
  },
});

export const workedIn: string | undefined = payout.country;
