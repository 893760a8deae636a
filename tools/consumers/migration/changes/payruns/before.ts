// 1.x: the group of payouts paid at once was an Invoice, under /invoices/.
import { createGigapayClient, type Invoice } from '@gigapay/client';

const gigapay = createGigapayClient({ token: process.env['GIGAPAY_TOKEN']!, integrationId: process.env['GIGAPAY_INTEGRATION_ID'], throwOnError: true });

const { data: unpaid } = await gigapay.GET('/invoices/', { params: { query: { paid_at_null: true } } });
for (const invoice of unpaid.results) {
  await gigapay.PATCH('/invoices/{id}/', { params: { path: { id: invoice.id } }, body: { metadata: { week: '49' } } });
}

const { data: invoice } = await gigapay.GET('/invoices/{id}/', { params: { path: { id: '2859272' } } });
export const toPay: Pick<Invoice, 'id' | 'price' | 'ocr_number'> = invoice;

// Deletes the invoice and its payouts (not once it is paid).
await gigapay.DELETE('/invoices/{id}/', { params: { path: { id: 'abandoned-run' } } });
