/**
 * Requests too malformed to reach the app still get a DRF-shaped body: by default Node answers a
 * bad request line or header with an empty `400`, and @hono/node-server a bad `Host` or URL with
 * an empty `400` too.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

const json = (detail: string) => JSON.stringify({ detail });

/** @hono/node-server's `errorHandler`: a request it could not turn into a `Request`. */
export function answerRequestError(error: unknown): Response {
  const message = error instanceof Error ? error.message : String(error);
  const status = error instanceof Error && error.name === 'RequestError' ? 400 : 500;
  return new Response(json(status === 400 ? `Bad request: ${message}.` : `sandbox bug: ${message}`), { status, headers: { 'content-type': 'application/json' } });
}

/** Node's `clientError`: a request that is not valid HTTP (431 for oversized headers, else 400). */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || (error.code === 'ECONNRESET')) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const body = json(tooLarge ? 'Request headers are too large.' : `Bad request: ${error.code ?? error.message}.`);
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}
