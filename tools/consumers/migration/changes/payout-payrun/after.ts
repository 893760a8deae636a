// 2.0: it is `payrun`, and the filter too; `invoice` still holds the payrun's id but is deprecated
// (never a billing invoice's id). payrunOf reads `payrun`, falling back to `invoice` (older records).
import { createGigapayClient, payrunOf } from '@gigapay/client';

const gigapay = createGigapayClient({ token: process.env['GIGAPAY_TOKEN']!, integrationId: process.env['GIGAPAY_INTEGRATION_ID'], throwOnError: true });

const { data: payout } = await gigapay.GET('/payouts/{id}/', { params: { path: { id: 'delivery-4711' } } });
const payrunId = payrunOf(payout);
const { data: sameRun } = await gigapay.GET('/payouts/', { params: { query: payrunId ? { payrun: payrunId } : {} } });
console.log(sameRun.count, 'payouts on', payrunId);
