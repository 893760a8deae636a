// A webhook receiver on loopback, as a user's service would run one: one URL per event, raw
// bodies kept byte for byte so that their signatures can be checked.
import { parseWebhook } from '@gigapay/client/webhooks';
import type { WebhookEventName } from '@gigapay/types';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Notification {
  event: WebhookEventName;
  headers: Headers;
  body: string;
}

export interface WebhookReceiver {
  /** The URL to subscribe `event` with. */
  urlFor(event: WebhookEventName): string;
  /** Every notification received so far, each signature verified with `secret` (throws if one fails). */
  verified(secret: string): Promise<Notification[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: Notification[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      const event = decodeURIComponent(req.url!.split('/')[1]!) as WebhookEventName;
      received.push({ event, headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    urlFor: (event) => `${origin}/${encodeURIComponent(event)}/`,
    async verified(secret) {
      for (const n of received) {
        // parseWebhook verifies the signature and returns the typed object of that event.
        await parseWebhook({ payload: n.body, header: n.headers.get('gigapay-signature'), secret, event: n.event });
      }
      return [...received];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
