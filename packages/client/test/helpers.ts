import { vi } from 'vitest';
import { createGigapayClient, type GigapayClientOptions } from '../src/index.js';

export const TOKEN = 'cd7a4537a231356d404b553f465b6af2fa035821';
export const BASE = 'https://api.demo.gigapay.com/v2';

export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | undefined;
  redirect: RequestRedirect | undefined;
}

type Responder = (call: RecordedCall, index: number) => Response | Promise<Response>;

/** A fetch that records what it was asked and answers from `respond` (one per test: no globals). */
export function recordingFetch(respond: Responder) {
  const calls: RecordedCall[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: RecordedCall = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
      signal: init.signal ?? undefined,
      redirect: init.redirect,
    };
    calls.push(call);
    return respond(call, calls.length - 1);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

/** Answers each call with the next responder of the list (the last one repeats). */
export function sequence(...responders: Responder[]): Responder {
  return (call, index) => responders[Math.min(index, responders.length - 1)]!(call, index);
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function connectionReset(): never {
  throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
}

/** A fetch that never answers, until the request's signal aborts. */
export function hangUntilAborted(call: RecordedCall): Promise<Response> {
  return new Promise((_, reject) => {
    call.signal?.addEventListener('abort', () => reject(call.signal?.reason), { once: true });
  });
}

export function clientWith(respond: Responder, options: Partial<GigapayClientOptions> = {}) {
  const { fetch, calls } = recordingFetch(respond);
  const client = createGigapayClient({ token: TOKEN, integrationId: 'integration-1', fetch, ...options });
  return { client, calls };
}

export const payout = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  amount: '100.00',
  cost: '137.99',
  currency: 'SEK',
  description: 'Gig',
  employee: 'employee-1',
  payrun: 'payrun-1',
  invoice: 'payrun-1', // the deprecated alias of `payrun`
  metadata: {},
  created_at: '2022-04-29T10:00:00.000000Z',
  ...extra,
});

export const employee = (id: string) => ({
  id,
  name: 'Åsa Öberg',
  email: 'asa@example.com',
  cellphone_number: null,
  country: 'SWE',
  metadata: {},
  created_at: '2022-04-29T10:00:00.000000Z',
  notified_at: null,
  claimed_at: null,
  verified_at: null,
});

/** Runs a call to completion, firing every pending timer (backoff, Retry-After) on the way. */
export async function settle<T>(promise: Promise<T>): Promise<T> {
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  const result = await outcome;
  if ('error' in result) throw result.error;
  return result.value;
}
