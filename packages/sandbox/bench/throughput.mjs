#!/usr/bin/env node
// Throughput of the sandbox (full request + strict response validation) vs `prism mock` on the
// same bundled spec, same machine, one run each. A small bounded loopback load generator:
// fixed concurrency over keep-alive sockets, at most MAX_REQUESTS requests or MAX_SECONDS each.
// Needs a build first (`pnpm --filter @gigapay/sandbox build`).
import { spawn } from 'node:child_process';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SPEC = join(root, '../../spec/dist/openapi.json');
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const MAX_REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const MAX_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP = 500;
const TOKEN = 'cd7a4537a231356d404b553f465b6af2fa035821';
const INTEGRATION = '79606358-97af-4196-b64c-5f719433d56b';
const HOST = '127.0.0.1';

function startProcess(command, args, readyText, env = {}) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${command} did not start:\n${output}`)), 30_000);
    const onData = (chunk) => {
      output += chunk;
      if (output.includes(readyText)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${command} exited ${code}:\n${output}`)));
  });
}

function request(agent, port, { method, path, body }) {
  return new Promise((resolve) => {
    const req = http.request(
      { host: HOST, port, method, path, agent, headers: { authorization: `Token ${TOKEN}`, 'integration-id': INTEGRATION, ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', () => resolve('error'));
    req.end(body);
  });
}

async function load(name, port, basePath, mix) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const requests = mix.map((r) => ({ ...r, path: basePath + r.path }));
  for (let i = 0; i < WARMUP; i++) await request(agent, port, requests[i % requests.length]);
  const statuses = {};
  let sent = 0;
  let done = 0;
  const started = performance.now();
  const deadline = started + MAX_SECONDS * 1000;
  async function worker() {
    while (sent < MAX_REQUESTS && performance.now() < deadline) {
      const spec = requests[sent++ % requests.length];
      const status = await request(agent, port, spec);
      statuses[status] = (statuses[status] ?? 0) + 1;
      done++;
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const rps = done / seconds;
  console.log(`${name.padEnd(8)} ${done} requests in ${seconds.toFixed(2)} s = ${rps.toFixed(0)} req/s  statuses ${JSON.stringify(statuses)}`);
  return rps;
}

const pricingBody = (employee) => JSON.stringify({ employee, amount: '1000.00', currency: 'SEK', description: 'Bench' });
const mix = (employee) => [
  { method: 'GET', path: '/employees/' },
  { method: 'GET', path: '/payouts/?page_size=10&expand=employee' },
  { method: 'POST', path: '/pricing/', body: pricingBody(employee) },
];

const sandboxPort = 4610;
const prismPort = 4611;
const sandbox = await startProcess(process.execPath, [join(root, 'bin/gigapay-sandbox.js'), '--port', String(sandboxPort), '--token', TOKEN, '--integration-id', INTEGRATION], 'listening on');
const prism = await startProcess(join(root, 'node_modules/.bin/prism'), ['mock', '-h', HOST, '-p', String(prismPort), SPEC], 'Prism is listening', { SCARF_ANALYTICS: 'false', DO_NOT_TRACK: '1' });
try {
  // Give the sandbox some state so that lists and pricing do real work: 30 employees, 30 payouts.
  const agent = new http.Agent({ keepAlive: true });
  let employee = '';
  for (let i = 0; i < 30; i++) {
    employee = `bench-${i}`;
    await request(agent, sandboxPort, { method: 'POST', path: '/v2/employees/', body: JSON.stringify({ id: employee, name: `Bench ${i}`, email: `b${i}@example.com`, country: 'SWE' }) });
    await request(agent, sandboxPort, { method: 'POST', path: '/v2/payouts/', body: pricingBody(employee) });
  }
  agent.destroy();
  console.log(`concurrency ${CONCURRENCY}, at most ${MAX_REQUESTS} requests or ${MAX_SECONDS} s each, mix: GET /employees/, GET /payouts/?expand=employee, POST /pricing/`);
  const sandboxRps = await load('sandbox', sandboxPort, '/v2', mix(employee));
  const prismRps = await load('prism', prismPort, '', mix(employee));
  console.log(`sandbox / prism = ${(sandboxRps / prismRps).toFixed(2)}×`);
} finally {
  sandbox.kill();
  prism.kill();
}
