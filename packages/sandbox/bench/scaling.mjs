#!/usr/bin/env node --expose-gc
// Work that must not grow with the data, measured side by side in one run (in-process
// `sandbox.fetch`, the full pipeline with strict response validation). Needs a build first.
//
//   1. the first page of GET /employees/ at 100k employees vs 100 (and within 5 ms at 100k)
//   2. an inline-employee payout create (?expand=employee, a new email) at 100k employees vs 100
//   3. a page of GET /payouts/?expand=payrun at 80k payouts vs 1k
//   4. a create-and-pay cycle (POST /payouts/ starts a payrun, the payPayrun control pays it)
//      at 100k payruns vs 5k
//   5. RSS after 100k keyed requests and the clock moved 25 h vs before them
//
// Ratios: 1 to 4 should stay within 2x, 5 within 20 MB. Exit code 1 when one does not.
// Sizes: BENCH_EMPLOYEES, BENCH_PAYOUTS, BENCH_PAYRUNS, BENCH_KEYED (a quick run: all at 10000).
// `node --expose-gc bench/scaling.mjs` (without --expose-gc the RSS figure is noisier).
import { createSandbox } from '../dist/index.js';

const SMALL_EMPLOYEES = 100;
const LARGE_EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 100_000);
const SMALL_PAYOUTS = 1000;
const LARGE_PAYOUTS = Number(process.env.BENCH_PAYOUTS ?? 80_000);
const SMALL_PAYRUNS = 5000;
const LARGE_PAYRUNS = Number(process.env.BENCH_PAYRUNS ?? 100_000);
/** The first page of employees at LARGE_EMPLOYEES, in ms (issue 19). */
const FIRST_PAGE_MS = 5;
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

/** With `employees` registered: the first page of employees, then an inline-employee create. */
async function employeeWork(employees) {
  const sandbox = createSandbox({ log: () => undefined });
  const call = client(sandbox);
  for (let i = 0; i < employees; i++) await call('POST', 'employees/', { name: `E ${i}`, email: `e${i}@example.com`, country: 'SWE' });
  const firstPage = await median(() => call('GET', 'employees/'));
  let n = 0;
  const create = await median(() =>
    call('POST', 'payouts/?expand=employee', { employee: { name: 'New', email: `new${n++}@example.com`, country: 'SWE' }, amount: '10.00', currency: 'SEK', description: 'Bench' }),
  );
  return { firstPage, create };
}

/** With `payruns` paid payruns: one payout that starts a new payrun, and that payrun paid. */
async function payrunCycle(payruns) {
  const sandbox = createSandbox({ log: () => undefined });
  const call = client(sandbox);
  const employee = await call('POST', 'employees/', { name: 'E', email: 'e@example.com', country: 'SWE' });
  const cycle = async () => {
    const payout = await call('POST', 'payouts/', { employee: employee.id, amount: '10.00', currency: 'SEK', description: 'Bench' });
    sandbox.control.payPayrun(payout.payrun);
  };
  for (let i = 0; i < payruns; i++) await cycle();
  return median(cycle);
}

async function expandPayrunPage(payouts) {
  const sandbox = createSandbox({ log: () => undefined });
  const call = client(sandbox);
  const employee = await call('POST', 'employees/', { name: 'E', email: 'e@example.com', country: 'SWE' });
  for (let i = 0; i < payouts; i += 1000) {
    const items = Array.from({ length: Math.min(1000, payouts - i) }, () => ({ employee: employee.id, amount: '10.00', currency: 'SEK', description: 'Bench' }));
    await call('POST', 'payouts/', items);
  }
  return median(() => call('GET', 'payouts/?expand=payrun'));
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
const row = (name, small, large, limit, unit, extraOk = true) => {
  const ratio = unit === 'MB' ? large - small : large / small;
  results.push({ name, small: small.toFixed(1), large: large.toFixed(1), [unit === 'MB' ? 'growth MB' : 'ratio']: ratio.toFixed(2), limit, ok: ratio <= limit && extraOk });
};

await employeeWork(SMALL_EMPLOYEES); // warms the JIT, so that the small case is not measured cold
await expandPayrunPage(SMALL_PAYOUTS);
const employeesSmall = await employeeWork(SMALL_EMPLOYEES);
const employeesLarge = await employeeWork(LARGE_EMPLOYEES);
const firstPageMs = employeesLarge.firstPage / 1000;
row(`first page of employees (µs, ${SMALL_EMPLOYEES} vs ${LARGE_EMPLOYEES}; ${firstPageMs.toFixed(2)} ms, budget ${FIRST_PAGE_MS} ms)`, employeesSmall.firstPage, employeesLarge.firstPage, 2, 'µs', firstPageMs <= FIRST_PAGE_MS);
row(`inline-employee create (µs, ${SMALL_EMPLOYEES} vs ${LARGE_EMPLOYEES} employees)`, employeesSmall.create, employeesLarge.create, 2);
const pageSmall = await expandPayrunPage(SMALL_PAYOUTS);
const pageLarge = await expandPayrunPage(LARGE_PAYOUTS);
row(`?expand=payrun page (µs, ${SMALL_PAYOUTS} vs ${LARGE_PAYOUTS} payouts)`, pageSmall, pageLarge, 2);
const cycleSmall = await payrunCycle(SMALL_PAYRUNS);
const cycleLarge = await payrunCycle(LARGE_PAYRUNS);
row(`create-and-pay cycle (µs, ${SMALL_PAYRUNS} vs ${LARGE_PAYRUNS} payruns)`, cycleSmall, cycleLarge, 2);
const memory = await keyedRequestsMemory();
row(`RSS MiB before vs after ${KEYED_REQUESTS} keyed requests + 25 h (peak ${memory.peak.toFixed(1)})`, memory.before, memory.after, 20, 'MB');

console.table(results);
if (!globalThis.gc) console.log('(run with node --expose-gc for a steadier RSS figure)');
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
