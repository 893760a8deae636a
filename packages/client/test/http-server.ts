import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

type Handler = (request: Received, response: ServerResponse) => void | Promise<void>;

/**
 * A real HTTP server on 127.0.0.1 (a free port) that records what it received. `close` also
 * ends any response still pending (a slow one), so that a test never waits on it.
 */
export async function httpServer(handle: Handler) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const entry = { method: request.method ?? '', path: request.url ?? '', headers: request.headers };
    received.push(entry);
    request.resume();
    request.on('end', () => void handle(entry, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v2/`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers JSON after `delayMs` (unless the client has gone). */
export function answer(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, delayMs = 0) {
  const timer = setTimeout(() => {
    if (response.destroyed) return;
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  }, delayMs);
  response.on('close', () => clearTimeout(timer));
}
