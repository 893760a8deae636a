// Your service's webhook endpoint for one event: a node:http server that checks each delivery's
// signature against the raw body and resolves with the first object it is told about.
import type { Expand } from '@gigapay/client';
import { parseWebhook } from '@gigapay/client/webhooks';
import type { WebhookEventName, WebhookPayloads } from '@gigapay/types';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function listenFor<Event extends WebhookEventName>(event: Event, secret: string) {
  type Payload = Expand<WebhookPayloads[Event]>;
  let resolveFirst: (payload: Payload) => void;
  const first = new Promise<Payload>((resolve) => (resolveFirst = resolve));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      try {
        // The raw body, exactly as received: a re-serialised body no longer matches its signature.
        const payload = await parseWebhook({
          payload: Buffer.concat(chunks).toString('utf8'),
          header: req.headers['gigapay-signature'] as string | undefined,
          secret,
          event,
        });
        res.writeHead(204).end();
        resolveFirst(payload);
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gigapay/${event.toLowerCase().replace('.', '-')}/`;
  return { url, first, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
