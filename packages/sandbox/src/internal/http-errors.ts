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

/** Node's `clientError`: a request that is not valid HTTP (431 for oversized headers, else 400), or not received in time (408). */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || (error.code === 'ECONNRESET')) {
      socket.destroy();
      return;
    }
    const [status, detail] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? ['431 Request Header Fields Too Large', 'Request headers are too large.']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? ['408 Request Timeout', 'The request was not received in time (see the timeouts option); the connection is closed.']
          : ['400 Bad Request', `Bad request: ${error.code ?? error.message}.`];
    const body = json(detail);
    socket.end(`HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
}
