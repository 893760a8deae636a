/**
 * `maxResponseBytes`: a body longer than the limit, or one that never ends, is cut off there with
 * a clear error, against a real HTTP server on 127.0.0.1 that keeps sending.
 */
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGigapayClient, ResponseBodyError } from '../src/index.js';
import { httpServer } from './http-server.js';
import { TOKEN } from './helpers.js';

/** Writes 64 KiB chunks for as long as the client reads (or `limit` bytes), counting what was written. */
function stream(response: ServerResponse, status: number, limit = Infinity) {
  response.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req-big' });
  const chunk = Buffer.alloc(65_536, 'a');
  let sent = 0;
  const pump = () => {
    while (sent < limit) {
      sent += chunk.length;
      if (!response.write(chunk)) return void response.once('drain', pump);
    }
    response.end();
  };
  response.on('close', () => (written = Math.max(written, sent)));
  pump();
}
let written = 0;

let server: Awaited<ReturnType<typeof httpServer>>;
beforeAll(async () => {
  server = await httpServer((request, response) => {
    if (request.path.includes('/endless/')) return stream(response, 200);
    if (request.path.includes('/endless-error/')) return stream(response, 500);
    if (request.path.includes('/big/')) return stream(response, 200, 2_000_000);
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"p1"}');
  });
});
afterAll(() => server.close());

const client = (maxResponseBytes?: number) =>
  createGigapayClient({ token: TOKEN, server: server.url, maxRetries: 2, timeoutMs: 20_000, ...(maxResponseBytes === undefined ? {} : { maxResponseBytes }) });

describe('maxResponseBytes', () => {
  it('ends an endless 2xx body at the limit, with a ResponseBodyError naming it, not retried', async () => {
    const before = server.received.length;
    written = 0;
    const started = performance.now();
    const error = (await client(1_000_000).GET('/payouts/{id}/', { params: { path: { id: 'endless' } } }).catch((e: unknown) => e)) as ResponseBodyError;
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect(error.message).toBe(
      `GET ${server.url}payouts/endless/: the body of its 200 is larger than maxResponseBytes (1000000 bytes)`,
    );
    expect(error).toMatchObject({ status: 200, requestId: 'req-big' });
    expect(server.received.length - before).toBe(1);
    expect(performance.now() - started).toBeLessThan(10_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).toBeLessThan(16_000_000); // the connection was dropped, not drained
  });

  it('ends an endless error body too, and one read by openapi-fetch (parseAs)', async () => {
    const failing = await client(100_000).GET('/payouts/{id}/', { params: { path: { id: 'endless-error' } } }).catch((e: unknown) => e);
    expect(failing).toBeInstanceOf(ResponseBodyError);
    expect((failing as Error).message).toContain('the body of its 500 is larger than maxResponseBytes (100000 bytes)');
    for (const parseAs of ['text', 'arrayBuffer', 'blob'] as const) {
      const handedOver = await client(100_000).GET('/payouts/{id}/', { params: { path: { id: 'endless' } }, parseAs }).catch((e: unknown) => e);
      expect(handedOver).toBeInstanceOf(ResponseBodyError);
    }
  });

  it('reads a body up to the limit, and defaults to 10 MB', async () => {
    const { data } = await client(11).GET('/payouts/{id}/', { params: { path: { id: 'small' } } });
    expect(data).toEqual({ id: 'p1' });
    expect(await client(10).GET('/payouts/{id}/', { params: { path: { id: 'small' } } }).catch((e: unknown) => e)).toBeInstanceOf(ResponseBodyError);
    // 2 MB of a's is within the default: read whole (and then not JSON).
    const error = (await client().GET('/payouts/{id}/', { params: { path: { id: 'big' } }, maxRetries: 0 }).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('the body is not JSON');
  });
});
