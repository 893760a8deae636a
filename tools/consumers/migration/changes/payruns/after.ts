// 2.0: it is a Payrun, under /payruns/. `Invoice` and /invoices/ are now Gigapay's billing invoices.
import { createGigapayClient, type Payrun } from '@gigapay/client';

const gigapay = createGigapayClient({ token: process.env['GIGAPAY_TOKEN']!, integrationId: process.env['GIGAPAY_INTEGRATION_ID'], throwOnError: true });

const { data: unpaid } = await gigapay.GET('/payruns/', { params: { query: { paid_at_null: true } } });
for (const payrun of unpaid.results) {
  await gigapay.PATCH('/payruns/{id}/', { params: { path: { id: payrun.id } }, body: { metadata: { week: '49' } } });
}

const { data: payrun } = await gigapay.GET('/payruns/{id}/', { params: { path: { id: '2859272' } } });
export const toPay: Pick<Payrun, 'id' | 'price' | 'ocr_number'> = payrun;

// Deletes the payrun and its payouts (not once it is paid or on credit).
await gigapay.DELETE('/payruns/{id}/', { params: { path: { id: 'abandoned-run' } } });
