/**
 * A real HTTP proxy on 127.0.0.1 in front of a server, that breaks the exchanges of the requests
 * it is told to, at random (seeded): the faults a client meets between it and Gigapay (a load
 * balancer, a flaky network, a proxy's error page). Each fault is one of `FAULT_KINDS`; some happen
 * before the request reaches the server, the others after the server has done it ("after commit").
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const FAULT_KINDS = [
  /** Forwarded; the 2xx body is cut off half-way, the connection closed (FIN). */
  'truncatedBody',
  /** Forwarded; the 2xx answer is replaced by a non-JSON page with the same status. */
  'nonJsonBody',
  /** Forwarded; the 2xx answer is replaced by an empty body with the same status. */
  'emptyBody',
  /** Forwarded; half the body, then the connection is reset (RST). */
  'resetMidBody',
  /** Forwarded; then the connection is dropped without an answer. */
  'dropAfterCommit',
  /** Forwarded; the answer is replaced by a 500. */
  'error500AfterCommit',
  /** Not forwarded: a 503 with `Retry-After`. */
  'unavailable503',
  /** Not forwarded: a 429 with `Retry-After`. */
  'rateLimited429',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultProxyOptions {
  /** Where requests go: an origin such as `http://127.0.0.1:4010`. */
  upstream: string;
  seed: number;
  /** Share of the chosen requests that get a fault, in [0, 1]. */
  faultRate: number;
  /** Which requests may get a fault (the others pass through untouched). */
  applies: (method: string, path: string) => boolean;
  /** Extra latency before forwarding, uniform in [min, max] ms, for every chosen request. */
  latencyMs?: [number, number];
  /** `Retry-After` of the 503 and 429 faults, in seconds. @default '0' */
  retryAfter?: string;
}

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** Requests that reached the proxy (all of them, faulty or not). */
  requests: number;
  /** Faults injected, by kind. */
  faults: Record<FaultKind, number>;
  /** What went wrong in the proxy itself (a bug of the test): should stay empty. */
  errors: string[];
  close(): Promise<void>;
}

/** mulberry32: a small seeded PRNG, so that a failing run can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host', 'content-encoding']);

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const { upstream, faultRate, applies, latencyMs = [0, 0], retryAfter = '0' } = options;
  const random = seeded(options.seed);
  const faults = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
  const state: FaultProxy = { origin: '', requests: 0, faults, errors: [], close: async () => {} };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    state.requests++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const chosen = applies(req.method ?? 'GET', new URL(req.url ?? '/', 'http://x').pathname);
    // Decided at arrival, in arrival order: the same seed gives the same sequence of faults.
    const fault = chosen && random() < faultRate ? FAULT_KINDS[Math.floor(random() * FAULT_KINDS.length)]! : undefined;
    if (chosen && latencyMs[1] > 0) await delay(latencyMs[0] + random() * (latencyMs[1] - latencyMs[0]));
    if (fault) faults[fault]++;

    if (fault === 'unavailable503' || fault === 'rateLimited429') {
      const status = fault === 'unavailable503' ? 503 : 429;
      res.writeHead(status, { 'content-type': 'application/json', 'retry-after': retryAfter });
      return res.end(JSON.stringify({ detail: status === 503 ? 'Service unavailable.' : 'Request was throttled.' }));
    }

    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name) && typeof value === 'string') headers[name] = value;
    }
    const answer = await fetch(new URL(req.url ?? '/', upstream), {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
      redirect: 'manual',
    });
    const body = Buffer.from(await answer.arrayBuffer());
    const answerHeaders: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name)) answerHeaders[name] = value;
    });
    const socket = res.socket as Socket;
    const ok = answer.status >= 200 && answer.status < 300 && answer.status !== 204;

    if (fault === 'dropAfterCommit' || (ok && fault === 'resetMidBody' && body.length < 2)) return socket.resetAndDestroy();
    if (fault === 'error500AfterCommit') {
      res.writeHead(500, { 'content-type': 'text/html' });
      return res.end('<h1>Server Error (500)</h1>');
    }
    if (ok && (fault === 'truncatedBody' || fault === 'resetMidBody')) {
      res.writeHead(answer.status, { ...answerHeaders, 'content-length': String(body.length) });
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => {
        if (fault === 'resetMidBody') socket.resetAndDestroy();
        else socket.destroy();
      });
      return;
    }
    if (ok && fault === 'nonJsonBody') {
      res.writeHead(answer.status, { ...answerHeaders, 'content-type': 'text/html' });
      return res.end('<html><body>Proxy says hello</body></html>');
    }
    if (ok && fault === 'emptyBody') {
      res.writeHead(answer.status, { ...answerHeaders, 'content-length': '0' });
      return res.end();
    }
    res.writeHead(answer.status, { ...answerHeaders, 'content-length': String(body.length) });
    res.end(body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A fault in the proxy itself is a bug of the test: recorded, answered loudly, never hung.
      state.errors.push(String(error));
      if (!res.headersSent) res.writeHead(599, { 'content-type': 'text/plain' });
      res.end(`fault proxy: ${error}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
