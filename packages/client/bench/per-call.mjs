/**
 * Per-call overhead of the built client (beside raw fetch and bare openapi-fetch, for scale)
 * against openapi-fetch given what the client does per attempt (a per-call `AbortSignal.timeout`, and on a POST a fresh `Idempotency-Key`), side by side
 * in one run, on two in-memory fetches: one that builds a `Request` from its input as Node's fetch
 * does (openapi-fetch hands fetch a `Request`, the client a URL and an init), and one that ignores it.
 * Rounds interleave the contenders, each timed in CPU time of this process (not wall time, which a
 * neighbour's load on a shared machine inflates), and each figure is the median round, so that a GC
 * pause moves one round, not the result. Exits with 1 when the client costs more than the budget of
 * issue 18, 1.2× openapi-fetch so equipped. Bounded: 25 rounds of 400 calls per contender by
 * default (about 20 s).
 *
 *   pnpm --filter @gigapay/client build && node bench/per-call.mjs [rounds] [calls per round]
 */
import createClient from 'openapi-fetch';

// GIGAPAY_CLIENT=<path of a built index.js> measures another build (an older one, say) in its place.
const { createGigapayClient } = await import(process.env.GIGAPAY_CLIENT ?? '../dist/index.js');

const [rounds = 25, calls = 400] = process.argv.slice(2).map(Number);
/** Issue 18: a call costs at most this much more than one through openapi-fetch with a per-call timeout. */
const BUDGET = 1.2;
const base = 'https://api.demo.gigapay.se/v2';
const token = 'cd7a4537a231356d404b553f465b6af2fa035821';
const headers = { Authorization: `Token ${token}`, 'Integration-ID': 'integration-1' };
const payout = { id: 'p1', amount: '100.00', currency: 'SEK', description: 'Gig', employee: 'e1', metadata: {} };
const payoutBody = JSON.stringify(payout);
const newPayout = { amount: '100.00', currency: 'SEK', description: 'Gig', employee: 'employee-1' };

const answer = (status) => new Response(payoutBody, { status, headers: { 'content-type': 'application/json' } });
const fetches = {
  'like a real fetch': (status) => async (input, init) => {
    new Request(input, init);
    return answer(status);
  },
  'answers only': (status) => async () => answer(status),
};

const contenders = (status, call) => (fetchOf) => {
  const fetch = fetchOf(status);
  const bare = createClient({ baseUrl: base, headers, fetch });
  const client = createGigapayClient({ token, integrationId: 'integration-1', fetch });
  return call(bare, client, fetch);
};

const cases = {
  'GET /payouts/{id}/': contenders(200, (bare, client, fetch) => ({
    'raw fetch': async () => ({ data: await (await fetch(`${base}/payouts/p1/`, { headers })).json() }),
    'openapi-fetch': () => bare.GET('/payouts/{id}/', { params: { path: { id: 'p1' } } }),
    'openapi-fetch + timeout': () =>
      bare.GET('/payouts/{id}/', { params: { path: { id: 'p1' } }, signal: AbortSignal.timeout(30_000) }),
    '@gigapay/client': () => client.GET('/payouts/{id}/', { params: { path: { id: 'p1' } } }),
  })),
  'POST /payouts/ (keyed)': contenders(201, (bare, client, fetch) => ({
    'raw fetch': async () => {
      const init = { method: 'POST', body: JSON.stringify(newPayout), headers: { ...headers, 'Content-Type': 'application/json' } };
      return { data: await (await fetch(`${base}/payouts/`, init)).json() };
    },
    'openapi-fetch': () => bare.POST('/payouts/', { body: newPayout }),
    'openapi-fetch + timeout': () =>
      bare.POST('/payouts/', {
        body: newPayout,
        headers: { 'Idempotency-Key': crypto.randomUUID() },
        signal: AbortSignal.timeout(30_000),
      }),
    '@gigapay/client': () => client.POST('/payouts/', { body: newPayout }),
  })),
};

async function time(run) {
  const started = process.cpuUsage();
  for (let i = 0; i < calls; i++) {
    const { error } = await run();
    if (error) throw new Error(`the call failed: ${JSON.stringify(error)}`);
  }
  const { user, system } = process.cpuUsage(started);
  return (user + system) / calls;
}

const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];

for (const [fetchName, fetchOf] of Object.entries(fetches)) for (const [caseName, runsWith] of Object.entries(cases)) {
  const name = `${caseName}, ${fetchName}`;
  const runs = runsWith(fetchOf);
  const samples = Object.fromEntries(Object.keys(runs).map((label) => [label, []]));
  for (const run of Object.values(runs)) await time(run); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const [label, run] of Object.entries(runs)) samples[label].push(await time(run));
  }
  const reference = median(samples['openapi-fetch + timeout']);
  for (const [label, values] of Object.entries(samples)) {
    const µs = median(values);
    console.log(`${name.padEnd(43)} ${label.padEnd(24)} ${µs.toFixed(1).padStart(6)} µs  ${(µs / reference).toFixed(2)}×`);
  }
  if (median(samples['@gigapay/client']) > BUDGET * reference) {
    console.error(`${name}: over the budget of ${BUDGET}× openapi-fetch + timeout`);
    process.exitCode = 1;
  }
}
