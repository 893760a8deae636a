// app/gigapay/payout-accepted/route.ts: a Next.js
// (App Router) route handler.
import {
  parseWebhook,
  WebhookSignatureError,
} from '@gigapay/client/webhooks';

export async function POST(request: Request) {
  try {
    const payout = await parseWebhook({
      event: 'Payout.accepted',
      payload: await request.arrayBuffer(), // the raw bytes
      header: request.headers.get('Gigapay-Signature'),
      secret: process.env.GIGAPAY_WEBHOOK_SECRET!,
    });
    console.log(payout.id, 'accepted at', payout.accepted_at);
    return new Response(null, { status: 204 });
  } catch (error) {
    if (error instanceof WebhookSignatureError) {
      return new Response(error.reason, { status: 400 });
    }
    throw error; // Next.js answers 500: delivered again
  }
}
