// 2.0: they are Payrun.created and Payrun.paid, posting the Payrun; Invoice.* is refused.
import { createGigapayClient } from '@gigapay/client';
import { parseWebhook } from '@gigapay/client/webhooks';

const gigapay = createGigapayClient({ token: process.env['GIGAPAY_TOKEN']!, integrationId: process.env['GIGAPAY_INTEGRATION_ID'], throwOnError: true });
const secret = process.env['GIGAPAY_WEBHOOK_SECRET']!;
const url = 'https://acme.example/gigapay/webhooks';

const { data: webhook } = await gigapay.POST('/webhooks/', { body: { url, events: ['Payrun.created', 'Payrun.paid'], secret_key: secret } });
await gigapay.PATCH('/webhooks/{id}/', { params: { path: { id: webhook.id } }, body: { events: ['Payrun.paid', 'Payout.accepted'] } });
await gigapay.PUT('/webhooks/{id}/', { params: { path: { id: webhook.id } }, body: { url, events: ['Payrun.paid'], secret_key: secret } });

// Your receiver, given the request as it arrived. Gigapay also names the event in `Gigapay-Event`.
export async function onPayrunPaid(request: Request): Promise<Response> {
  const payrun = await parseWebhook({ payload: await request.text(), header: request.headers.get('Gigapay-Signature'), secret, event: 'Payrun.paid' });
  console.log(payrun.id, 'paid at', payrun.paid_at);
  return new Response(null, { status: 204 });
}
