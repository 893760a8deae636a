/**
 * The logger and the onRequest / onResponse hooks, against a real HTTP server on 127.0.0.1 that
 * echoes the token back everywhere it can (error bodies, response headers, the request id), and a
 * fetch that throws errors quoting it: nothing logged or observed ever holds it.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGigapayClient, logTo, type Logger, type LogLevel, type RequestEvent, type ResponseEvent } from '../src/index.js';
import { answer, httpServer } from './http-server.js';
import { payout, TOKEN } from './helpers.js';

let server: Awaited<ReturnType<typeof httpServer>>;
const received: { path: string }[] = [];
beforeAll(async () => {
  server = await httpServer((request, response) => {
    received.push(request);
    const authorization = String(request.headers.authorization);
    // A proxy that quotes the request: in the body, in headers, even as the request id.
    const echo = { 'x-request-id': `req-${authorization}`, 'x-echo': authorization, 'retry-after': '0' };
    if (request.path === '/v2/payouts/p1/') return answer(response, 200, payout('p1'), { 'x-request-id': 'req-200' });
    if (request.path === '/v2/payouts/slow-body/') {
      // Headers at once, the body 300 ms later.
      response.writeHead(200, { 'content-type': 'application/json' }).write('{"id":');
      const timer = setTimeout(() => response.end('"p1"}'), 300);
      return void response.on('close', () => clearTimeout(timer));
    }
    if (request.path === '/v2/payouts/garbled/') {
      // A 200 whose body is not JSON on the first attempt, a good one on the retry.
      const body = received.filter((seen) => seen.path === request.path).length === 1 ? '<html>' : JSON.stringify(payout('p1'));
      return void response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    }
    if (request.path === '/v2/payouts/bad/') return answer(response, 400, { detail: `bad token ${authorization}` }, echo);
    if (request.path === '/v2/payouts/down/') return answer(response, 503, { detail: `down for ${authorization}` }, echo);
    if (request.path === '/v2/payouts/moved/') {
      response.writeHead(301, { location: `https://example.com/${authorization}/` }).end();
      return;
    }
    answer(response, 404, { detail: 'Not found.' });
  });
});
afterAll(() => server.close());

function recording(logLevel: LogLevel | undefined) {
  const lines: { level: string; args: unknown[] }[] = [];
  const logger = Object.fromEntries(
    (['debug', 'info', 'warn', 'error'] as const).map((level) => [level, (...args: unknown[]) => lines.push({ level, args })]),
  ) as unknown as Logger;
  const requests: RequestEvent[] = [];
  const responses: ResponseEvent[] = [];
  // A fetch that fails quoting the token for /unreachable/ (as some HTTP stacks do), else the real one.
  const fetch = (url: RequestInfo | URL, init?: RequestInit) =>
    String(url).includes('/unreachable/')
      ? Promise.reject(Object.assign(new TypeError(`fetch failed: ${new Headers(init?.headers).get('authorization')}`), { cause: { code: 'ECONNRESET', message: TOKEN } }))
      : globalThis.fetch(url, init);
  // The log lines come from logTo's hooks, called beside the test's own.
  const log = logLevel && logTo(logger, logLevel);
  const client = createGigapayClient({
    token: TOKEN,
    integrationId: 'integration-1',
    server: server.url,
    maxRetries: 1,
    fetch,
    onRequest: (event) => (requests.push(event), log?.onRequest(event)),
    onResponse: (event) => (responses.push(event), log?.onResponse(event)),
  });
  return { client, lines, requests, responses };
}

const everything = (...values: unknown[]) => values.map((value) => `${inspect(value, { depth: Infinity, showHidden: true })}\n${JSON.stringify(value)}`).join('\n');

describe('hooks', () => {
  it('see method, URL, attempt, idempotency key, status, request id and timing of each attempt', async () => {
    const { client, requests, responses } = recording('off');
    await client.GET('/payouts/{id}/', { params: { path: { id: 'p1' } } });
    await client.POST('/payouts/', { body: { employee: 'e1', currency: 'SEK', description: 'Gig', amount: '1.00' }, idempotencyKey: 'order-1' });
    expect(requests[0]).toEqual({ method: 'GET', url: `${server.url}payouts/p1/`, attempt: 1, idempotencyKey: undefined });
    expect(responses[0]).toMatchObject({ method: 'GET', status: 200, attempt: 1, requestId: 'req-200', willRetry: false, error: undefined });
    expect(responses[0]!.durationMs).toBeGreaterThan(0);
    expect(requests[1]).toMatchObject({ method: 'POST', idempotencyKey: 'order-1' });
    expect(responses[1]).toMatchObject({ status: 404, idempotencyKey: 'order-1' });
  });

  it('see each retry as an attempt of its own', async () => {
    const { client, responses } = recording('off');
    await client.GET('/payouts/{id}/', { params: { path: { id: 'down' } } });
    expect(responses.map((event) => [event.attempt, event.status, event.willRetry])).toEqual([
      [1, 503, true],
      [2, 503, false],
    ]);
  });
});

describe('durations', () => {
  it('run from sending until the whole body has arrived, whoever reads it', async () => {
    for (const parseAs of ['json', 'text'] as const) {
      const { client, responses } = recording('off');
      const started = performance.now();
      await client.GET('/payouts/{id}/', { params: { path: { id: 'slow-body' } }, parseAs });
      const wall = performance.now() - started;
      expect(responses, parseAs).toHaveLength(1);
      expect(responses[0]!.durationMs, parseAs).toBeGreaterThanOrEqual(250);
      expect(responses[0]!.durationMs, parseAs).toBeLessThanOrEqual(wall);
      expect(responses[0]).toMatchObject({ status: 200, error: undefined, willRetry: false });
    }
  });
});

describe('log levels', () => {
  it("'debug' logs every attempt, 'info' retries, 'warn' a call given up, 'error' a refused redirect, 'off' nothing", async () => {
    const levels: Record<string, string[]> = {};
    for (const level of ['debug', 'info', 'warn', 'error', 'off'] as const) {
      const { client, lines } = recording(level);
      await client.GET('/payouts/{id}/', { params: { path: { id: 'p1' } } });
      await client.GET('/payouts/{id}/', { params: { path: { id: 'down' } } });
      await client.GET('/payouts/{id}/', { params: { path: { id: 'moved' } } }).catch(() => {});
      levels[level] = lines.map((line) => line.level);
    }
    expect(levels.debug).toEqual(['debug', 'debug', 'debug', 'info', 'debug', 'warn', 'debug', 'error']);
    expect(levels.info).toEqual(['info', 'warn', 'error']);
    expect(levels.warn).toEqual(['warn', 'error']);
    expect(levels.error).toEqual(['error']);
    expect(levels.off).toEqual([]);
  });

  it('are none without logTo: a client under faults stays quiet unless asked', async () => {
    const { client, lines } = recording(undefined);
    await client.GET('/payouts/{id}/', { params: { path: { id: 'down' } } });
    await client.GET('/payouts/{id}/', { params: { path: { id: 'moved' } } }).catch(() => {});
    expect(lines).toEqual([]);
  });

  it('name the call in each line', async () => {
    const { client, lines } = recording('info');
    await client.GET('/payouts/{id}/', { params: { path: { id: 'down' } } });
    expect(lines.map((line) => line.args[0])).toEqual([
      `[gigapay] GET ${server.url}payouts/down/ attempt 1: 503 in ${(lines[0]!.args[1] as ResponseEvent).durationMs.toFixed(0)} ms; retrying`,
      `[gigapay] GET ${server.url}payouts/down/ attempt 2: 503 in ${(lines[1]!.args[1] as ResponseEvent).durationMs.toFixed(0)} ms; giving up`,
    ]);
  });
});

describe('a 2xx whose body broke', () => {
  it('is logged as a failure of that attempt, never as a 200 being retried', async () => {
    const { client, lines } = recording('debug');
    const { data } = await client.GET('/payouts/{id}/', { params: { path: { id: 'garbled' } } });
    expect(data?.id).toBe('p1');
    const messages = lines.map((line) => String(line.args[0]).replace(/\d+ ms/, 'N ms'));
    expect(messages).toEqual([
      `[gigapay] GET ${server.url}payouts/garbled/ attempt 1`,
      `[gigapay] GET ${server.url}payouts/garbled/ attempt 1: failed in N ms: GET ${server.url}payouts/garbled/: the body of its 200 could not be read: the body is not JSON; retrying`,
      `[gigapay] GET ${server.url}payouts/garbled/ attempt 2`,
      `[gigapay] GET ${server.url}payouts/garbled/ attempt 2: 200 in N ms`,
    ]);
    expect(lines.map((line) => line.level)).toEqual(['debug', 'info', 'debug', 'debug']);
  });
});

describe('the token', () => {
  it('is in no log line and no hook event, wherever the server or fetch echoes it', async () => {
    const { client, lines, requests, responses } = recording('debug');
    for (const id of ['p1', 'bad', 'down', 'moved', 'unreachable']) {
      await client.GET('/payouts/{id}/', { params: { path: { id } } }).catch(() => {});
      await client.POST('/payouts/', { body: { employee: id, currency: 'SEK', description: 'Gig', amount: '1.00' } }).catch(() => {});
    }
    expect(responses.some((event) => event.status === 400)).toBe(true);
    expect(responses.some((event) => event.error?.name === 'ConnectionError')).toBe(true);
    expect(responses.some((event) => event.error?.name === 'RedirectError')).toBe(true);
    expect(lines.length).toBeGreaterThan(10);
    const text = everything(lines, requests, responses);
    const at = text.indexOf(TOKEN);
    expect(at === -1 ? '' : text.slice(Math.max(0, at - 300), at + 60)).toBe('');
  });
});
