/**
 * Fuzz: for every operation of the spec, requests that are invalid BY CONSTRUCTION (a valid request
 * with one mutation read from the spec, confirmed by an independent Ajv oracle: see
 * fuzz-requests.ts), each with random valid variations of what it may vary (Accept-Language, a
 * fresh Idempotency-Key). Every answer must be the 4xx that mutation calls for, with a DRF error
 * body, and ALL of the state (control.snapshot(): every record field, resend timers, the
 * idempotency store, the delivery log, the clock, the fault injector) must be unchanged.
 *
 * Then the hostile extras: built-in property names, deep nesting, huge bodies, bad Host headers
 * and cross-site style control writes; 0 5xx, the state unchanged, and memory back within 50 MB.
 * Runs in-process (`sandbox.fetch`, the same Hono pipeline) for speed; the Host and control cases
 * go over real HTTP.
 */
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledSpec, createSandbox, startSandbox, type Sandbox } from '../src/index.js';
import { ROUTES } from '../src/internal/routes.js';
import { rawHttp } from './helpers.js';
import { bodyMutations, envelopeMutations, queryMutations, requestKey, SpecOracle, type Expected, type FuzzRequest, type Operation } from './fuzz-requests.js';

/** Random valid variations drawn per operation, on top of one request per mutation (the mutation-testing config sets 0). */
const VARIATIONS_PER_OPERATION = Number(process.env.FUZZ_VARIATIONS ?? 250);
const SEED = 4242;

const oracle = new SpecOracle(bundledSpec);
const operations: Operation[] = ROUTES.flatMap((route) => Object.entries(route.methods).map(([method, operationId]) => ({ operationId: operationId!, method, path: route.path })));

let sandbox: Sandbox;
let ids: Record<string, string>;
const report: Record<string, { distinct: number; misses: number; byKind: Record<string, number>; byStatus: Record<number, number> }> = {};

/** Valid bodies (and the query each needs) of every operation that takes one. */
function validBases(op: Operation): { query: [string, string][]; body: unknown }[] {
  const payout = { employee: ids.employee, amount: '1000.00', currency: 'SEK', description: 'Fuzz' };
  const inline = { ...payout, employee: { name: 'Fuzz Inline', email: 'inline@example.com', country: 'SWE', metadata: { a: 1 } }, cost: undefined };
  const integration = { name: 'Fuzz AB', email: 'fuzz@example.com', recipient: 'Fuzz AB', address_line_1: 'Gatan 1', zip_code: '11129', city: 'Stockholm', metadata: {} };
  const employee = { name: 'Fuzz', email: 'fuzz@example.com', cellphone_number: '+46701234567', country: 'SWE', metadata: {} };
  const webhook = { url: 'https://example.com/hook/', events: ['Payout.created', 'Payrun.paid'], secret_key: 'secret', metadata: {} };
  const bodies: Record<string, { query: [string, string][]; body: unknown }[]> = {
    replaceIntegration: [{ query: [], body: integration }],
    updateIntegration: [{ query: [], body: { name: 'Fuzz AB', email: 'f@example.com' } }],
    createEmployee: [{ query: [], body: employee }],
    replaceEmployee: [{ query: [], body: employee }],
    updateEmployee: [{ query: [], body: { name: 'Fuzz', email: 'f@example.com', country: 'SWE' } }],
    createPayout: [{ query: [], body: { ...payout, start_at: '2024-01-01T00:00:00Z', metadata: {} } }, { query: [['expand', 'employee']], body: inline }, { query: [], body: [payout, payout] }],
    calculatePricing: [{ query: [], body: payout }, { query: [['expand', 'employee']], body: inline }],
    updatePayrun: [{ query: [], body: { metadata: { a: 1 } } }],
    issueInvoice: [{ query: [], body: { due_date: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) } }],
    createWebhook: [{ query: [], body: webhook }],
    replaceWebhook: [{ query: [], body: webhook }],
    updateWebhook: [{ query: [], body: { url: 'https://example.com/hook/', events: ['Payrun.paid'] } }],
  };
  return bodies[op.operationId] ?? [{ query: [], body: undefined }];
}

function baseRequest(op: Operation, base: { query: [string, string][]; body: unknown }): FuzzRequest {
  const resource = op.path.split('/')[1]!;
  const id = { integrations: ids.integration, employees: ids.employee, payouts: ids.payout, pricing: ids.payout, payruns: ids.payrun, invoices: ids.invoice, webhooks: ids.webhook }[resource]!;
  const scoped = oracle.parameters(op).some((p) => p.in === 'header' && p.name === 'Integration-ID');
  return {
    kind: 'valid',
    method: op.method,
    path: op.path.replace('{id}', encodeURIComponent(id)),
    query: base.query,
    headers: { authorization: `Token ${sandbox.token}`, ...(scoped ? { 'integration-id': sandbox.integrationId } : {}), ...(base.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: base.body === undefined ? undefined : JSON.stringify(base.body),
    expected: 400,
  };
}

/** One request per mutation, then random valid variations of them. */
function invalidRequests(op: Operation): { requests: FuzzRequest[]; misses: number } {
  const mutated: FuzzRequest[] = [];
  let misses = 0;
  for (const base of validBases(op)) {
    const request = baseRequest(op, base);
    if (base.body !== undefined) {
      expect(oracle.bodyIsValid(op, base.body), `${op.operationId}: the base body must be valid`).toBe(true);
      const found = bodyMutations(oracle, op, base.body);
      misses += found.misses;
      for (const { kind, body } of found.bodies) mutated.push({ ...request, kind, body: JSON.stringify(body) });
    }
    for (const { kind, query } of queryMutations(oracle, op)) mutated.push({ ...request, kind, query: [...request.query.filter(([name]) => name !== query[0]![0]), ...query] });
    for (const { kind, expected, change } of envelopeMutations(oracle, op)) mutated.push({ ...change(request), kind, expected });
  }
  const declares = (name: string) => oracle.parameters(op).some((p) => p.in === 'header' && p.name === name);
  const variation = fc.record({
    language: fc.oneof(fc.constantFrom('en', 'sv', 'sv-SE', 'de'), fc.stringMatching(/^[a-z]{2}(-[A-Z]{2})?$/)),
    key: fc.stringMatching(/^[A-Za-z0-9-]{1,64}$/),
  });
  const varied = VARIATIONS_PER_OPERATION === 0 ? [] : fc.sample(fc.tuple(fc.constantFrom(...mutated), variation), { numRuns: VARIATIONS_PER_OPERATION, seed: SEED }).map(([request, { language, key }]) => ({
    ...request,
    headers: {
      ...request.headers,
      'accept-language': language,
      ...(declares('Idempotency-Key') && !request.kind.includes('Idempotency-Key') ? { 'idempotency-key': key } : {}),
    },
  }));
  const distinct = new Map<string, FuzzRequest>();
  for (const request of [...mutated, ...varied]) distinct.set(requestKey(request), request);
  return { requests: [...distinct.values()], misses };
}

function send(target: Sandbox, request: FuzzRequest): Promise<Response> {
  const query = request.query.length ? `?${new URLSearchParams(request.query)}` : '';
  return target.fetch(new Request(`${target.url}${request.path.slice(1)}${query}`, { method: request.method, headers: request.headers, body: request.body }));
}

function isValidationBody(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.values(value).every((v) => (Array.isArray(v) ? v.length > 0 && v.every((m) => typeof m === 'string') : isValidationBody(v)));
}

function isDrfErrorBody(status: number, body: unknown): boolean {
  if (status === 400) return Array.isArray(body) ? body.every(isValidationBody) && body.some((item) => Object.keys(item as object).length > 0) : isValidationBody(body) && Object.keys(body as object).length > 0;
  return !!body && typeof body === 'object' && typeof (body as { detail?: unknown }).detail === 'string';
}

async function expectRefused(response: Response, expected: Expected | '4xx', what: string): Promise<void> {
  const text = await response.text();
  if (expected === '4xx') {
    expect(response.status, `${what} ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
    expect(response.status, `${what} ${text.slice(0, 300)}`).toBeLessThan(500);
  } else expect(response.status, `${what} ${text.slice(0, 300)}`).toBe(expected);
  expect(isDrfErrorBody(response.status, text ? JSON.parse(text) : undefined), `${what} ${response.status} ${text.slice(0, 300)}`).toBe(true);
}

beforeAll(async () => {
  sandbox = createSandbox({ log: (message) => console.error(message) });
  const headers = { authorization: `Token ${sandbox.token}`, 'integration-id': sandbox.integrationId, 'content-type': 'application/json' };
  const post = async (path: string, body: unknown) => (await sandbox.fetch(new Request(`${sandbox.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }))).json();
  const employee = await post('employees/', { name: 'Fixture', email: 'fixture@example.com', country: 'SWE' });
  const payout = await post('payouts/', { employee: employee.id, amount: '100.00', currency: 'SEK', description: 'Fixture' });
  const webhook = await post('webhooks/', { url: 'http://127.0.0.1:9/never/', events: ['Payrun.paid'] });
  // A closed payrun has its billing invoice (the payout's payrun stays open for the payrun operations).
  const billed = await post('payouts/', { employee: employee.id, amount: '100.00', currency: 'EUR', description: 'Fixture' });
  await sandbox.fetch(new Request(`${sandbox.url}payruns/${billed.payrun}/close/`, { method: 'POST', headers }));
  const invoice = (await (await sandbox.fetch(new Request(`${sandbox.url}payruns/${billed.payrun}/`, { headers }))).json()).invoice as string;
  ids = { employee: employee.id, payout: payout.id, payrun: payout.payrun, invoice, webhook: webhook.id, integration: sandbox.integrationId };
  await sandbox.control.waitForDeliveries();
});

afterAll(() => {
  const rows = Object.entries(report).map(([operationId, r]) => ({ operationId, distinct: r.distinct, 'oracle-valid proposals dropped': r.misses, ...r.byStatus }));
  console.log(`fuzz: ${rows.reduce((sum, row) => sum + row.distinct, 0)} distinct invalid requests over ${rows.length} operations`);
  console.table(rows);
});

describe('fuzz: invalid-by-construction requests get their 4xx with a DRF body, and change nothing at all', () => {
  it('covers all 55 operations of the spec (53 of the reference, plus the deprecated PUT resend and the API root)', () => {
    expect(operations).toHaveLength(55);
  });

  for (const op of operations) {
    it(op.operationId, async () => {
      const { requests, misses } = invalidRequests(op);
      const entry: (typeof report)[string] = { distinct: requests.length, misses, byKind: {}, byStatus: {} };
      report[op.operationId] = entry;
      const before = sandbox.control.snapshot();
      for (const request of requests) {
        const response = await send(sandbox, request);
        entry.byStatus[response.status] = (entry.byStatus[response.status] ?? 0) + 1;
        entry.byKind[request.kind.split(':')[0]!] = (entry.byKind[request.kind.split(':')[0]!] ?? 0) + 1;
        await expectRefused(response, request.expected, `${op.operationId} ${request.kind}`);
      }
      expect(sandbox.control.snapshot()).toBe(before);
      expect(requests.length).toBeGreaterThan(0);
    });
  }
});

/** The process's RSS after a full garbage collection, in MB. */
const gc: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();
function rssMB(): number {
  gc();
  gc();
  return process.memoryUsage().rss / 1e6;
}

describe.skipIf(process.env.FUZZ_EXTRAS === 'off')('fuzz: hostile extras', () => {
  it('built-in property names, deep nesting and huge bodies on every operation with a body: 0 5xx, nothing changes, memory comes back', async () => {
    const before = sandbox.control.snapshot();
    const rssBefore = rssMB();
    const names = ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];
    const huge = `{"name": "${'x'.repeat(3 * 1024 * 1024)}"}`;
    let sent = 0;
    for (const op of operations) {
      for (const base of validBases(op)) {
        if (base.body === undefined) continue;
        const request = baseRequest(op, base);
        const { bodies } = bodyMutations(oracle, op, base.body);
        const broken = (bodies.find((b) => b.kind.startsWith('drop:') || b.kind.startsWith('type:')) ?? bodies[0]!).body as Record<string, unknown>;
        const cases: [string, string][] = [];
        for (const name of broken && typeof broken === 'object' && !Array.isArray(broken) ? names : []) {
          // Still invalid by construction (the broken field), and the built-in name next to it, at the top and nested.
          cases.push([`builtin:${name}`, `{${JSON.stringify(name)}: {"a": 1}, ${JSON.stringify(broken).slice(1)}`]);
          cases.push([`builtin-nested:${name}`, JSON.stringify({ ...broken, metadata: JSON.parse(`{${JSON.stringify(name)}: 1}`), employee: JSON.parse(`{${JSON.stringify(name)}: "x"}`) })]);
        }
        // The built-in names must not have repaired the body: the oracle still finds every one invalid.
        for (const [kind, body] of cases) expect(oracle.bodyIsValid(op, JSON.parse(body)), `${op.operationId} ${kind}`).toBe(false);
        for (const depth of [65, 1000, 100_000]) cases.push([`deep:${depth}`, `${'['.repeat(depth)}${']'.repeat(depth)}`]);
        cases.push(['deep-in-metadata', JSON.stringify({ ...(base.body as object), metadata: {} }).replace('"metadata":{}', `"metadata":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`)]);
        cases.push(['huge', huge]);
        for (const [kind, body] of cases) {
          const response = await send(sandbox, { ...request, kind, body });
          await expectRefused(response, '4xx', `${op.operationId} ${kind}`);
          sent++;
        }
      }
    }
    expect(sent).toBeGreaterThan(200);
    expect(sandbox.control.snapshot()).toBe(before);
    expect(rssMB() - rssBefore).toBeLessThan(50);
  });

  it('over HTTP: bad Host headers and cross-site style control writes are refused, and nothing changes', async () => {
    const listening = await startSandbox({ log: (message) => console.error(message) });
    try {
      const before = listening.control.snapshot();
      const raw = (text: string) => rawHttp(listening.port, text);
      const hosts = fc.sample(
        fc.oneof(fc.constantFrom('evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', 'attacker.test:80', '0.0.0.0', '10.0.0.1', '[::2]'), fc.domain()),
        { numRuns: 60, seed: SEED },
      );
      const paths = ['/_sandbox/', '/_sandbox/clock', `/v2/employees/`, '/v2/payouts/'];
      for (const [i, host] of hosts.entries()) {
        const path = paths[i % paths.length]!;
        const response = await raw(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Token ${listening.token}\r\nIntegration-ID: ${listening.integrationId}\r\nConnection: close\r\n\r\n`);
        expect(response.status, `${host} ${path}`).toBe(400);
        expect(response.body).not.toContain(listening.token);
      }
      const writes: [string, string, string | undefined][] = [
        ['POST', 'reset', undefined],
        ['POST', 'clock/advance', '{"hours": 25}'],
        ['POST', 'accounts', '{}'],
        ['PUT', 'faults', '{"errorRate": 1}'],
        ['POST', 'payruns/x/pay', undefined],
        ['DELETE', 'webhook-deliveries', undefined],
      ];
      const kinds = [undefined, 'text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx'];
      for (const [method, path, body] of writes) {
        for (const type of kinds) {
          const response = await fetch(`${listening.origin}/_sandbox/${path}`, { method, headers: { origin: 'https://evil.example', ...(type ? { 'content-type': type } : {}) }, body });
          expect(response.status, `${method} ${path} ${type}`).toBe(415);
          await response.body?.cancel();
        }
      }
      expect(listening.control.snapshot()).toBe(before);
    } finally {
      await listening.close();
    }
  });
});
