import {
  parseWebhook,
  WebhookSignatureError,
} from '@gigapay/client/webhooks';

// Payout.accepted arrives at the URL subscribed to it.
// A fetch-style handler (Node 20+, Deno, Bun, edge).
export async function onPayoutAccepted(request: Request) {
  // The Webhook's secret_key, from POST /webhooks/.
  const secret = process.env.GIGAPAY_WEBHOOK_SECRET!;
  try {
    const payout = await parseWebhook({
      event: 'Payout.accepted',
      payload: await request.text(), // raw, as received
      header: request.headers.get('Gigapay-Signature'),
      secret,
    });
    console.log(payout.id, payout.accepted_at);
    return new Response(null, { status: 204 });
  } catch (error) {
    // reason: wrong secret, old t, re-serialised body…
    if (error instanceof WebhookSignatureError) {
      return new Response(error.reason, { status: 400 });
    }
    throw error;
  }
}
