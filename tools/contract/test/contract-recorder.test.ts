// The recorder counts what the contract suite exercised (the checks themselves are
// @gigapay/openapi-validator's, tested there).
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractRecorder } from '../src/index.js';
import { spec } from './spec.js';

const base = 'http://127.0.0.1:4010/v2';
const auth = { authorization: 'Token abc', 'integration-id': 'i1' };
const payout = {
  id: 'p1', amount: '1000.00', cost: '1379.91', currency: 'SEK', description: 'Gig', employee: 'e1', invoice: 'i1',
  metadata: {}, start_at: null, end_at: null, created_at: '2019-05-22T10:32:38.118753Z', notified_at: null, accepted_at: null,
};

describe('the contract recorder', () => {
  it('counts covered statuses and names what is missing', async () => {
    const recorder = createContractRecorder(spec);
    const fetch = recorder.wrap(async () => new Response(JSON.stringify(payout), { status: 200, headers: { 'content-type': 'application/json' } }));
    await fetch(`${base}/payouts/p1/`, { headers: auth });
    const coverage = recorder.coverage();
    expect(recorder.violations).toEqual([]);
    expect(coverage.operations).toEqual({ covered: 1, total: 55 });
    expect(coverage.missing).toContain('retrievePayout 429');
    expect(coverage.missing).not.toContain('retrievePayout 307');
    expect(coverage.missing).toContain('retrievePayout 404');
    expect(coverage.missing).not.toContain('retrievePayout 200');
    expect(coverage.missing).toContain('event Payrun.paid');
  });
});

// On the wire, as a real server would get it wrong: fetch drops the body of a 204, so the recorder
// must see what the headers declare; JSON sent as text/plain is not the documented application/json.
describe('the contract recorder on a real connection', () => {
  let server: Server;
  let origin: string;
  const answers: Record<string, string> = {
    'DELETE /v2/payouts/p1/': 'HTTP/1.1 204 No Content\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}',
    'DELETE /v2/payouts/p2/': 'HTTP/1.1 204 No Content\r\n\r\n',
    'GET /v2/payouts/p1/': `HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${JSON.stringify(payout).length}\r\n\r\n${JSON.stringify(payout)}`,
  };

  beforeAll(async () => {
    server = createServer((socket) => {
      socket.once('data', (chunk) => {
        const [method, path] = chunk.toString('latin1').split(' ');
        socket.end(answers[`${method} ${path}`] ?? 'HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as { port: number };
    origin = `http://127.0.0.1:${address.port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses a body on a 204 and JSON under text/plain', async () => {
    const recorder = createContractRecorder(spec);
    const fetch = recorder.wrap(async (input, init) => {
      const request = new Request(input, init);
      return globalThis.fetch(request.url.replace('http://127.0.0.1:4010', origin), { method: request.method, headers: request.headers });
    });
    await fetch(`${base}/payouts/p2/`, { method: 'DELETE', headers: auth });
    expect(recorder.violations).toEqual([]);
    const deleted = await fetch(`${base}/payouts/p1/`, { method: 'DELETE', headers: auth });
    expect(await deleted.text()).toBe('');
    await fetch(`${base}/payouts/p1/`, { headers: auth });
    expect(recorder.violations).toEqual([
      'deletePayout response: status 204 of deletePayout documents no body, but the response declares content-type application/json',
      'retrievePayout response: response content-type text/plain; charset=utf-8 is not application/json',
    ]);
  });
});
