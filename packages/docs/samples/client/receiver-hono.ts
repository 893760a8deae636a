// app.ts: a receiver in Hono.
import { Hono } from 'hono';
import {
  parseWebhook,
  WebhookSignatureError,
} from '@gigapay/client/webhooks';

const secret = process.env.GIGAPAY_WEBHOOK_SECRET!;

export const app = new Hono();
app.post('/gigapay/employee-verified', async (c) => {
  try {
    const employee = await parseWebhook({
      event: 'Employee.verified',
      payload: await c.req.arrayBuffer(), // the raw bytes
      header: c.req.header('Gigapay-Signature'),
      secret,
    });
    console.log(employee.id, 'verified at', employee.verified_at);
    return c.body(null, 204);
  } catch (error) {
    if (error instanceof WebhookSignatureError) {
      return c.text(error.reason, 400);
    }
    throw error; // Hono answers 500: Gigapay delivers it again
  }
});
// Bun, Deno and Workers serve `export default app`;
// on Node: serve(app) from @hono/node-server.
export default app;
