// 1.x: the events of the payout group were Invoice.created and Invoice.paid, posting the Invoice.
import { createGigapayClient } from '@gigapay/client';
import { parseWebhook } from '@gigapay/client/webhooks';

const gigapay = createGigapayClient({ token: process.env['GIGAPAY_TOKEN']!, integrationId: process.env['GIGAPAY_INTEGRATION_ID'], throwOnError: true });
const secret = process.env['GIGAPAY_WEBHOOK_SECRET']!;
const url = 'https://acme.example/gigapay/webhooks';

const { data: webhook } = await gigapay.POST('/webhooks/', { body: { url, events: ['Invoice.created', 'Invoice.paid'], secret_key: secret } });
await gigapay.PATCH('/webhooks/{id}/', { params: { path: { id: webhook.id } }, body: { events: ['Invoice.paid', 'Payout.accepted'] } });
await gigapay.PUT('/webhooks/{id}/', { params: { path: { id: webhook.id } }, body: { url, events: ['Invoice.paid'], secret_key: secret } });

// Your receiver, given the request as it arrived.
export async function onInvoicePaid(request: Request): Promise<Response> {
  const invoice = await parseWebhook({ payload: await request.text(), header: request.headers.get('Gigapay-Signature'), secret, event: 'Invoice.paid' });
  console.log(invoice.id, 'paid at', invoice.paid_at);
  return new Response(null, { status: 204 });
}
