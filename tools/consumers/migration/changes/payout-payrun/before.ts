// 1.x: a payout named the invoice it was on in `invoice`, and /payouts/ filtered by it.
import { createGigapayClient } from '@gigapay/client';

const gigapay = createGigapayClient({ token: process.env['GIGAPAY_TOKEN']!, integrationId: process.env['GIGAPAY_INTEGRATION_ID'], throwOnError: true });

const { data: payout } = await gigapay.GET('/payouts/{id}/', { params: { path: { id: 'delivery-4711' } } });
const { data: sameRun } = await gigapay.GET('/payouts/', { params: { query: { invoice: payout.invoice } } });
console.log(sameRun.count, 'payouts on', payout.invoice);
