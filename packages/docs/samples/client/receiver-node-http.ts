// server.ts: a receiver on Node's own http module.
import { createServer } from 'node:http';
import {
  parseWebhook,
  WebhookSignatureError,
} from '@gigapay/client/webhooks';

// The secret_key you gave POST /webhooks/.
const secret = process.env.GIGAPAY_WEBHOOK_SECRET!;

export const server = createServer(async (request, response) => {
  const { method, url } = request;
  if (method !== 'POST' || url !== '/gigapay/employee-verified') {
    response.writeHead(404).end();
    return;
  }
  try {
    // The raw bytes, exactly as received: parsed and
    // serialised again, they no longer match the signature.
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk);
    const employee = await parseWebhook({
      event: 'Employee.verified',
      payload: Buffer.concat(chunks),
      header: request.headers['gigapay-signature'],
      secret,
    });
    console.log(employee.id, 'verified at', employee.verified_at);
    response.writeHead(204).end();
  } catch (error) {
    if (error instanceof WebhookSignatureError) {
      response.writeHead(400).end(error.reason);
    } else {
      // Answered 5xx, Gigapay delivers it again later.
      console.error(error);
      response.writeHead(500).end();
    }
  }
});
