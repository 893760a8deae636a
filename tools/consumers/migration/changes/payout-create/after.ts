// 2.0: neither is sent: the employee's `country` applies, and `full_salary_specification` is
// read-only (deprecated). A payout has no `country` any more.
import { createGigapayClient } from '@gigapay/client';

const gigapay = createGigapayClient({ token: process.env['GIGAPAY_TOKEN']!, integrationId: process.env['GIGAPAY_INTEGRATION_ID'], throwOnError: true });

const { data: payout } = await gigapay.POST('/payouts/', {
  body: {
    employee: 'user-1847',
    currency: 'SEK',
    description: 'Weekend shift',
    invoiced_amount: '2500.00',
  },
});

const { data: employee } = await gigapay.GET('/employees/{id}/', { params: { path: { id: 'user-1847' } } });
export const workedIn: string | undefined = employee.country;
export const payoutId = payout.id;
