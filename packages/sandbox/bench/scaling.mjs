#!/usr/bin/env node --expose-gc
// Work that must not grow with the data, measured side by side in one run (in-process
// `sandbox.fetch`, the full pipeline with strict response validation). Needs a build first.
//
//   1. an inline-employee payout create (?expand=employee, a new email) at 100k employees vs 100
//   2. a page of GET /payouts/?expand=invoice at 80k payouts vs 1k
//   3. RSS after 100k keyed requests and the clock moved 25 h vs before them
//
// Ratios: 1 and 2 should stay within 2x, 3 within 20 MB. Exit code 1 when one does not.
// `node --expose-gc bench/scaling.mjs` (without --expose-gc the RSS figure is noisier).
import { createSandbox } from '../dist/index.js';

const SMALL_EMPLOYEES = 100;
const LARGE_EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 100_000);
const SMALL_PAYOUTS = 1000;
const LARGE_PAYOUTS = Number(process.env.BENCH_PAYOUTS ?? 80_000);
const KEYED_REQUESTS = Number(process.env.BENCH_KEYED ?? 100_000);
const SAMPLES = 300;

function client(sandbox) {
  const headers = { authorization: `Token ${sandbox.token}`, 'integration-id': sandbox.integrationId, 'content-type': 'application/json' };
  return async (method, path, body, extra = {}) => {
    const response = await sandbox.fetch(new Request(`${sandbox.url}${path}`, { method, headers: { ...headers, ...extra }, body: body === undefined ? undefined : JSON.stringify(body) }));
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  };
}

/** Median microseconds of `SAMPLES` runs of `step(i)`. */
async function median(step) {
  for (let i = 0; i < 20; i++) await step(-1 - i); // warm-up
  const times = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await step(i);
    times.push((performance.now() - started) * 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function inlineEmployeeCreate(employees) {
  const sandbox = createSandbox({ log: () => undefined });
  const call = client(sandbox);
  for (let i = 0; i < employees; i += 500) {
    const batch = Array.from({ length: Math.min(500, employees - i) }, (_, j) => ({ name: `E ${i + j}`, email: `e${i + j}@example.com`, country: 'SWE' }));
    for (const body of batch) await call('POST', 'employees/', body);
  }
  let n = 0;
  return median(() =>
    call('POST', 'payouts/?expand=employee', { employee: { name: 'New', email: `new${n++}@example.com`, country: 'SWE' }, amount: '10.00', currency: 'SEK', description: 'Bench' }),
  );
}

async function expandInvoicePage(payouts) {
  const sandbox = createSandbox({ log: () => undefined });
  const call = client(sandbox);
  const employee = await call('POST', 'employees/', { name: 'E', email: 'e@example.com', country: 'SWE' });
  for (let i = 0; i < payouts; i += 1000) {
    const items = Array.from({ length: Math.min(1000, payouts - i) }, () => ({ employee: employee.id, amount: '10.00', currency: 'SEK', description: 'Bench' }));
    await call('POST', 'payouts/', items);
  }
  return median(() => call('GET', 'payouts/?expand=invoice'));
}

function rssMiB() {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().rss / 2 ** 20;
}

async function keyedRequestsMemory() {
  const sandbox = createSandbox({ log: () => undefined });
  const call = client(sandbox);
  const body = { amount: '100.00', currency: 'SEK', description: 'Bench', employee: (await call('POST', 'employees/', { name: 'E', email: 'k@example.com', country: 'SWE' })).id };
  for (let i = 0; i < 2000; i++) await call('POST', 'pricing/', body, { 'idempotency-key': `warm-${i}` });
  sandbox.control.advanceClock(25 * 3_600_000);
  await call('POST', 'pricing/', body, { 'idempotency-key': 'warm-last' });
  const before = rssMiB();
  for (let i = 0; i < KEYED_REQUESTS; i++) await call('POST', 'pricing/', body, { 'idempotency-key': `key-${i}` });
  const peak = rssMiB();
  sandbox.control.advanceClock(25 * 3_600_000);
  await call('POST', 'pricing/', body, { 'idempotency-key': 'after' });
  const after = rssMiB();
  return { before, peak, after };
}

const results = [];
const row = (name, small, large, limit, unit) => {
  const ratio = unit === 'MB' ? large - small : large / small;
  results.push({ name, small: small.toFixed(1), large: large.toFixed(1), [unit === 'MB' ? 'growth MB' : 'ratio']: ratio.toFixed(2), limit, ok: ratio <= limit });
};

await inlineEmployeeCreate(SMALL_EMPLOYEES); // warms the JIT, so that the small case is not measured cold
await expandInvoicePage(SMALL_PAYOUTS);
const createSmall = await inlineEmployeeCreate(SMALL_EMPLOYEES);
const createLarge = await inlineEmployeeCreate(LARGE_EMPLOYEES);
row(`inline-employee create (µs, ${SMALL_EMPLOYEES} vs ${LARGE_EMPLOYEES} employees)`, createSmall, createLarge, 2);
const pageSmall = await expandInvoicePage(SMALL_PAYOUTS);
const pageLarge = await expandInvoicePage(LARGE_PAYOUTS);
row(`?expand=invoice page (µs, ${SMALL_PAYOUTS} vs ${LARGE_PAYOUTS} payouts)`, pageSmall, pageLarge, 2);
const memory = await keyedRequestsMemory();
row(`RSS MiB before vs after ${KEYED_REQUESTS} keyed requests + 25 h (peak ${memory.peak.toFixed(1)})`, memory.before, memory.after, 20, 'MB');

console.table(results);
if (!globalThis.gc) console.log('(run with node --expose-gc for a steadier RSS figure)');
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
