// Chaos: 2,000 payout creates, then 500 prepayment creates, through a real fault proxy in front of
// the real sandbox, which at random (seeded) cuts 2xx bodies off, answers non-JSON or empty 2xx, resets the connection
// mid-body, drops it after the sandbox committed, answers 500 after commit and 503/429 (with
// Retry-After) before, and adds latency. The caller follows the README's advice on every thrown
// error: retry with `headers: { 'Idempotency-Key': error.idempotencyKey }`. Every object is stored
// exactly once, and every thrown error is a GigapayError that names its key.
import { createGigapayClient, GigapayError } from '@gigapay/client';
import { startSandbox, type ListeningSandbox } from '@gigapay/sandbox';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FAULT_KINDS, startFaultProxy, type FaultProxy } from './fault-proxy.js';

const PAYOUTS = 2000;
const PREPAYMENTS = 500;
const CONCURRENCY = 64;
/** Calls of one payout before the test gives up on it (a bound, not a budget the run should near). */
const MAX_CALLS = 25;
/** A hang guard, per payout: each takes a few milliseconds of calls to the in-process sandbox, many more with both cores busy. */
const PER_PAYOUT_MS = 100;
let sandbox: ListeningSandbox;
let proxy: FaultProxy;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  proxy = await startFaultProxy({
    upstream: sandbox.origin,
    seed: 20261201,
    faultRate: 0.35,
    applies: (method, path) => method === 'POST' && (path === '/v2/payouts/' || path === '/v2/prepayments/'),
    latencyMs: [0, 5],
    retryAfter: '0.01',
  });
});
afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
});

/** A client through the fault proxy, counting its attempts, and one straight to the sandbox. */
function clients() {
  const counted = { attempts: 0 };
  const options = { token: sandbox.token, integrationId: sandbox.integrationId, throwOnError: true } as const;
  const direct = createGigapayClient({ ...options, server: sandbox.url });
  const client = createGigapayClient({
    ...options,
    server: `${proxy.origin}/v2/`,
    // Small, so that many faults reach the caller: the README's advice is what is under test.
    maxRetries: 1,
    timeoutMs: 5_000,
    fetch: (input, init) => {
      counted.attempts++;
      return globalThis.fetch(input, init);
    },
  });
  return { direct, client, counted };
}

/**
 * Creates `count` objects, CONCURRENCY at a time, each through `create(i, key)` until it succeeds,
 * following the README's advice on every thrown error: the same key again (a fresh one if none: that is the bug).
 */
async function createEach(count: number, create: (i: number, key: string | undefined) => Promise<unknown>) {
  const thrown: unknown[] = [];
  const gaveUp: number[] = [];
  let next = 0;
  async function worker() {
    while (next < count) {
      const i = next++;
      let key: string | undefined;
      for (let call = 1; ; call++) {
        try {
          await create(i, key);
          break;
        } catch (error) {
          thrown.push(error);
          key = error instanceof GigapayError ? error.idempotencyKey : undefined;
          if (call === MAX_CALLS) {
            gaveUp.push(i);
            break;
          }
        }
      }
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { thrown, gaveUp, seconds: (performance.now() - started) / 1000 };
}

/** Every object of a list, page by page, read straight from the sandbox. */
async function everyPage<T>(read: (page: number) => Promise<{ data: { results: T[]; next?: string | null } }>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const { data } = await read(page);
    all.push(...data.results);
    if (!data.next) return all;
  }
}

/** The run's figures, and what must hold: every object stored exactly once, every error naming its key. */
function expectExactlyOnce(what: string, count: number, stored: number[], run: Awaited<ReturnType<typeof createEach>>, attempts: number) {
  const { thrown, gaveUp, seconds } = run;
  const unique = new Set(stored);
  const faults = Object.values(proxy.faults).reduce((sum, n) => sum + n, 0);
  const byClass: Record<string, number> = {};
  for (const error of thrown) byClass[(error as Error)?.name ?? typeof error] = (byClass[(error as Error)?.name ?? typeof error] ?? 0) + 1;
  const withoutKey = thrown.filter((error) => !(error instanceof GigapayError && error.idempotencyKey));

  console.log(
    `chaos: ${count} ${what} in ${seconds.toFixed(1)} s, ${attempts} attempts, ${faults} faults so far ` +
      `(${FAULT_KINDS.map((kind) => `${kind} ${proxy.faults[kind]}`).join(', ')}); ` +
      `${thrown.length} errors thrown to the caller (${Object.entries(byClass).map(([name, n]) => `${name} ${n}`).join(', ')}); ` +
      `stored ${stored.length}, duplicates ${stored.length - unique.size}, lost ${count - unique.size}`,
  );

  expect(proxy.errors).toEqual([]);
  expect(withoutKey).toEqual([]);
  expect(gaveUp).toEqual([]);
  expect(stored.length - unique.size).toBe(0); // duplicates
  expect(count - unique.size).toBe(0); // lost
  expect(stored).toHaveLength(count);
  // Every kind of fault happened, and the caller had to act on some.
  for (const kind of FAULT_KINDS) expect(proxy.faults[kind], kind).toBeGreaterThan(0);
  expect(thrown.length).toBeGreaterThan(0);
}

it(`creates ${PAYOUTS} payouts exactly once through a proxy that breaks about a third of the exchanges`, async () => {
  const { direct, client, counted } = clients();
  const employee = (await direct.POST('/employees/', { body: { name: 'Courier', email: 'chaos@example.com', country: 'SWE' } })).data;
  const run = await createEach(PAYOUTS, (i, key) => {
    const body = { employee: employee.id, currency: 'SEK', description: `Delivery ${i}`, amount: '100.00', metadata: { delivery: i } } as const;
    return client.POST('/payouts/', { body, ...(key && { headers: { 'Idempotency-Key': key } }) });
  });
  const payouts = await everyPage((page) => direct.GET('/payouts/', { params: { query: { page, page_size: 500 } } }));
  const stored = payouts.map((p) => (p.metadata as { delivery: number }).delivery);
  expectExactlyOnce('payouts', PAYOUTS, stored, run, counted.attempts);
}, PAYOUTS * PER_PAYOUT_MS);

it(`creates ${PREPAYMENTS} prepayments exactly once through the same proxy`, async () => {
  const { direct, client, counted } = clients();
  const run = await createEach(PREPAYMENTS, (i, key) => {
    const body = { description: `Prepayment ${i}`, net_amount: '1000.00', currency: 'SEK', metadata: { prepayment: i } };
    return client.POST('/prepayments/', { body, ...(key && { headers: { 'Idempotency-Key': key } }) });
  });
  const prepayments = await everyPage((page) => direct.GET('/prepayments/', { params: { query: { page, page_size: 500 } } }));
  const stored = prepayments.map((p) => (p.metadata as { prepayment: number }).prepayment);
  expectExactlyOnce('prepayments', PREPAYMENTS, stored, run, counted.attempts);
}, PREPAYMENTS * PER_PAYOUT_MS);
