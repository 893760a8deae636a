// app.ts: a receiver in Express.
import express from 'express';
import {
  parseWebhook,
  WebhookSignatureError,
} from '@gigapay/client/webhooks';

const secret = process.env.GIGAPAY_WEBHOOK_SECRET!;

export const app = express();
// express.raw, not express.json: the signature is over the
// raw bytes. Mount it on this route only (app.use(express.json())
// above it would parse the body first).
app.post(
  '/gigapay/payout-accepted',
  express.raw({ type: 'application/json' }),
  async (req, res, next) => {
    try {
      const payout = await parseWebhook({
        event: 'Payout.accepted',
        payload: req.body, // a Buffer
        header: req.get('Gigapay-Signature'),
        secret,
      });
      console.log(payout.id, 'accepted at', payout.accepted_at);
      res.sendStatus(204);
    } catch (error) {
      if (error instanceof WebhookSignatureError) {
        res.status(400).send(error.reason);
      } else {
        next(error); // a 500: Gigapay delivers it again
      }
    }
  },
);
