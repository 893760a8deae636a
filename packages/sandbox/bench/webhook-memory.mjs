#!/usr/bin/env node --expose-gc
// RSS of a sandbox before and after 100k webhook events, each delivered over loopback HTTP to a
// real receiver. A listening sandbox (the built dist/) with four accounts, each with a webhook on
// its own URL of the receiver for `Payrun.created` and `Payout.created`. Each round creates 500
// payouts in one bulk request (POST /v2/payouts/: 501 events) in one account, then deletes their
// payrun (DELETE /v2/payruns/{id}/, which deletes the payouts), so the objects do not pile up and
// what grows, if anything, is the sandbox's own bookkeeping: the delivery log is capped at
// `logSize`, the older entries are dropped and counted.
//
//   node --expose-gc bench/webhook-memory.mjs        (needs a build first)
//
// Environment: BENCH_EVENTS (100000), BENCH_PAYOUTS_PER_REQUEST (500), BENCH_METADATA_BYTES (0:
// the size of each payout's metadata, so of each delivered body), BENCH_LOG_SIZE (the sandbox's
// default), BENCH_MAX_GROWTH_MB (50), BENCH_JSON=1 (one JSON line instead of the table).
// Exit code 1 when RSS grew by more than BENCH_MAX_GROWTH_MB or an event was not delivered.
import { createServer } from 'node:http';
import { startSandbox } from '../dist/index.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const PAYOUTS_PER_REQUEST = Number(process.env.BENCH_PAYOUTS_PER_REQUEST ?? 500);
const METADATA_BYTES = Number(process.env.BENCH_METADATA_BYTES ?? 0);
const LOG_SIZE = process.env.BENCH_LOG_SIZE === undefined ? undefined : Number(process.env.BENCH_LOG_SIZE);
const MAX_GROWTH_MB = Number(process.env.BENCH_MAX_GROWTH_MB ?? 50);
const ACCOUNTS = 4;
const EVENTS_PER_ROUND = PAYOUTS_PER_REQUEST + 1;
const WARM_UP_ROUNDS = ACCOUNTS * 2;
const MB = 2 ** 20;

function memory() {
  globalThis.gc?.();
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: rss / MB, heap: heapUsed / MB };
}

/** Answers every POST with a quick 200, counting them. */
async function startReceiver() {
  let received = 0;
  const server = createServer((request, response) => {
    request.resume().on('end', () => {
      received++;
      response.end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, received: () => received, close: () => new Promise((resolve) => server.close(resolve)) };
}

const receiver = await startReceiver();
const sandbox = await startSandbox({ port: 0, log: () => undefined, ...(LOG_SIZE === undefined ? {} : { logSize: LOG_SIZE }) });

async function call(credentials, method, url, body) {
  const headers = { authorization: `Token ${credentials.token}`, 'integration-id': credentials.integrationId, 'content-type': 'application/json' };
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

const accounts = [{ token: sandbox.token, integrationId: sandbox.integrationId }];
while (accounts.length < ACCOUNTS) accounts.push(await call(accounts[0], 'POST', `${sandbox.origin}/_sandbox/accounts`));
const metadata = METADATA_BYTES > 0 ? { note: 'x'.repeat(METADATA_BYTES) } : {};
for (const [i, account] of accounts.entries()) {
  await call(account, 'POST', `${sandbox.url}webhooks/`, { url: `${receiver.url}/account-${i}/`, events: ['Payrun.created', 'Payout.created'] });
  const employee = await call(account, 'POST', `${sandbox.url}employees/`, { name: `Bench ${i}`, email: `bench${i}@example.com`, country: 'SWE' });
  account.payouts = Array.from({ length: PAYOUTS_PER_REQUEST }, () => ({ employee: employee.id, amount: '100.00', currency: 'SEK', description: 'Bench', metadata }));
}

let serial = 0;
/** One bulk create (its events) in the next account, then its payrun and payouts deleted. */
async function round() {
  const account = accounts[serial++ % ACCOUNTS];
  const payouts = await call(account, 'POST', `${sandbox.url}payouts/`, account.payouts);
  await call(account, 'DELETE', `${sandbox.url}payruns/${payouts[0].payrun}/`);
}

/** `count` rounds; after each account had one, waits for the deliveries to drain (so the queue stays short). */
async function rounds(count, onBatch = () => undefined) {
  for (let i = 0; i < count; i++) {
    await round();
    if ((i + 1) % ACCOUNTS === 0 || i + 1 === count) {
      await sandbox.control.waitForDeliveries();
      onBatch();
    }
  }
}

await rounds(WARM_UP_ROUNDS);
const before = memory();
const deliveredBefore = receiver.received();
let peakRss = before.rss;
const started = performance.now();
await rounds(Math.ceil(EVENTS / EVENTS_PER_ROUND), () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss / MB);
});
const seconds = (performance.now() - started) / 1000;
const after = memory();
const delivered = receiver.received() - deliveredBefore;
const log = sandbox.control.deliveries();
const result = {
  events: Math.ceil(EVENTS / EVENTS_PER_ROUND) * EVENTS_PER_ROUND,
  delivered,
  failed: log.filter((d) => d.state !== 'delivered').length,
  logKept: log.length,
  logDropped: sandbox.control.droppedDeliveries(),
  seconds: Number(seconds.toFixed(1)),
  rssBeforeMB: Number(before.rss.toFixed(1)),
  rssAfterMB: Number(after.rss.toFixed(1)),
  rssPeakMB: Number(peakRss.toFixed(1)),
  rssGrowthMB: Number((after.rss - before.rss).toFixed(1)),
  heapGrowthMB: Number((after.heap - before.heap).toFixed(1)),
  maxGrowthMB: MAX_GROWTH_MB,
};
await sandbox.close();
await receiver.close();

if (process.env.BENCH_JSON === '1') console.log(JSON.stringify(result));
else {
  console.table(result);
  if (!globalThis.gc) console.log('(run with node --expose-gc for a steadier figure)');
}
process.exitCode = result.rssGrowthMB <= MAX_GROWTH_MB && result.delivered === result.events ? 0 : 1;
