// 2.0: it is `payrun`, and the filter too; `invoice` still holds the payrun's id but is deprecated
// (never a billing invoice's id). Older records may lack `payrun`: fall back to `invoice`.
import { createGigapayClient } from '@gigapay/client';

const gigapay = createGigapayClient({ token: process.env['GIGAPAY_TOKEN']!, integrationId: process.env['GIGAPAY_INTEGRATION_ID'], throwOnError: true });

const { data: payout } = await gigapay.GET('/payouts/{id}/', { params: { path: { id: 'delivery-4711' } } });
// An id, or the Payrun itself where the response expanded it.
const payrun: string | { id: string } | undefined = payout.payrun ?? payout.invoice;
const payrunId = typeof payrun === 'object' ? payrun.id : payrun;
const { data: sameRun } = await gigapay.GET('/payouts/', { params: { query: payrunId ? { payrun: payrunId } : {} } });
console.log(sameRun.count, 'payouts on', payrunId);
