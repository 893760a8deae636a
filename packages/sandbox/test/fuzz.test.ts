/**
 * Fuzz: for every operation, at least 1,000 requests that are invalid by the spec (body, query,
 * credentials, Integration-ID or path id), generated with fast-check from the spec's own schemas.
 * Every answer must be a 4xx with a DRF error body, never a 5xx, and the state must not change.
 * Runs in-process (`sandbox.fetch`, the same Hono pipeline) for speed; one run goes over HTTP.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledSpec, createSandbox, startSandbox, type Sandbox } from '../src/index.js';
import { isIntegrationScoped, ROUTES } from '../src/internal/routes.js';
import { SpecChecks } from '../src/internal/spec-checks.js';

const RUNS_PER_OPERATION = 1000;
const validator = new SpecChecks(bundledSpec);
const spec = bundledSpec as any;

type Json = Record<string, unknown>;
interface Operation {
  operationId: string;
  method: string;
  path: string;
}
interface FuzzRequest {
  kind: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string | undefined;
}

const operations: Operation[] = ROUTES.flatMap((route) => Object.entries(route.methods).map(([method, operationId]) => ({ operationId: operationId!, method, path: route.path })));

function resolve(node: any): any {
  while (node && typeof node.$ref === 'string') {
    node = node.$ref.slice(2).split('/').reduce((n: any, token: string) => n[token.replace(/~1/g, '/')], spec);
  }
  return node;
}

/** Every property name a (composed) body schema mentions. */
function propertyNames(schema: any, seen = new Set<string>()): Set<string> {
  const s = resolve(schema);
  if (!s || typeof s !== 'object') return seen;
  for (const name of Object.keys(s.properties ?? {})) seen.add(name);
  for (const key of ['allOf', 'oneOf', 'anyOf']) for (const part of s[key] ?? []) propertyNames(part, seen);
  if (s.items) propertyNames(s.items, seen);
  return seen;
}

function operationSpec(op: Operation): any {
  return spec.paths[op.path][op.method.toLowerCase()];
}

function queryParameters(op: Operation): { name: string; schema: any }[] {
  const item = spec.paths[op.path];
  return [...(item.parameters ?? []), ...(operationSpec(op).parameters ?? [])].map(resolve).filter((p: any) => p.in === 'query');
}

/** Values that break a query parameter of this schema. */
function badQueryValues(schema: any): string[] {
  const s = resolve(schema);
  const type = s.type ?? resolve(s.items ?? {}).type;
  if (s.type === 'array') return ['bogus', 'employee,invoice', ''];
  if (type === 'integer' || resolve(s).enum) return ['abc', '0', '-1', '1.5', '99999999999999999999x', ''];
  if (type === 'boolean') return ['maybe', '2', 'yes please', ''];
  if (s.format === 'date-time') return ['yesterday', '2024-13-01T00:00:00Z', '2024-01-01T25:00:00Z', 'now', '1'];
  return [];
}

let sandbox: Sandbox;
let ids: { employee: string; payout: string; invoice: string; webhook: string; integration: string };
const counts: Record<string, Record<string, number>> = {};

async function send(target: Sandbox, request: FuzzRequest, method: string): Promise<Response> {
  return target.fetch(
    new Request(`${target.url}${request.path.slice(1)}${request.query}`, {
      method,
      headers: request.headers,
      body: request.body,
    }),
  );
}

function isValidationBody(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.values(value).every((v) => (Array.isArray(v) ? v.length > 0 && v.every((m) => typeof m === 'string') : isValidationBody(v)));
}

function isDrfErrorBody(status: number, body: unknown): boolean {
  if (status === 400) return Array.isArray(body) ? body.every(isValidationBody) && body.some((item) => Object.keys(item as Json).length > 0) : isValidationBody(body) && Object.keys(body as Json).length > 0;
  return !!body && typeof body === 'object' && typeof (body as Json).detail === 'string';
}

function validBody(op: Operation): Json | Json[] | undefined {
  switch (op.operationId) {
    case 'createIntegration':
    case 'replaceIntegration':
      return { name: 'Fuzz AB', email: 'fuzz@example.com', recipient: 'Fuzz AB', address_line_1: 'Gatan 1', zip_code: '11129', city: 'Stockholm' };
    case 'updateIntegration':
      return { name: 'Fuzz AB' };
    case 'createEmployee':
    case 'replaceEmployee':
      return { name: 'Fuzz', email: 'fuzz@example.com', country: 'SWE' };
    case 'updateEmployee':
      return { name: 'Fuzz' };
    case 'createPayout':
    case 'calculatePricing':
      return { employee: ids.employee, amount: '1000.00', currency: 'SEK', description: 'Fuzz' };
    case 'updateInvoice':
      return { metadata: {} };
    case 'createWebhook':
    case 'replaceWebhook':
      return { url: 'https://example.com/hook/', events: ['Payout.created'] };
    case 'updateWebhook':
      return { url: 'https://example.com/hook/' };
    default:
      return undefined;
  }
}

function existingId(op: Operation): string {
  const resource = op.path.split('/')[1]!;
  return { integrations: ids.integration, employees: ids.employee, payouts: ids.payout, pricing: ids.payout, invoices: ids.invoice, webhooks: ids.webhook }[resource] ?? 'x';
}

const junk = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.string({ minLength: 201, maxLength: 260 }),
  fc.constantFrom('', ' ', 'not-an-email', '2024-13-45', '1,000.00', '-5.00', '1.234', 'SWEDEN', 'sek', 'Payout.paid', 'ftp:/x'),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);

/** The invalid requests of one operation, each confirmed invalid against the spec. */
function invalidRequests(op: Operation): fc.Arbitrary<FuzzRequest> {
  const scoped = isIntegrationScoped({ path: op.path, methods: {} });
  const baseHeaders = (): Record<string, string> => ({
    authorization: `Token ${sandbox.token}`,
    ...(scoped ? { 'integration-id': sandbox.integrationId } : {}),
    'content-type': 'application/json',
  });
  const path = op.path.replace('{id}', encodeURIComponent(existingId(op)));
  const base = validBody(op);
  const baseRequest = (): FuzzRequest => ({ kind: '', path, query: '', headers: baseHeaders(), body: base === undefined ? undefined : JSON.stringify(base) });
  const strategies: fc.Arbitrary<FuzzRequest>[] = [];

  strategies.push(
    fc.constantFrom('', 'Token', 'Token wrong', `Bearer ${'0'.repeat(40)}`, `token${'1'.repeat(40)}`).map((authorization) => ({ ...baseRequest(), kind: 'auth', headers: { ...baseHeaders(), authorization } })),
  );
  if (scoped) {
    strategies.push(
      fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 20 }).filter((s) => /^[\x21-\x7e]+$/.test(s) && s !== sandbox.integrationId)).map((integrationId) => ({
        ...baseRequest(),
        kind: 'integration-id',
        headers: { ...baseHeaders(), 'integration-id': integrationId },
      })),
    );
  }
  if (op.path.includes('{id}')) {
    strategies.push(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => /^[A-Za-z0-9_-]+$/.test(s) && s !== existingId(op)).map((id) => ({ ...baseRequest(), kind: 'unknown-id', path: op.path.replace('{id}', `nx-${id}`) })));
  }
  const params = queryParameters(op).map((p) => ({ name: p.name, bad: badQueryValues(p.schema) })).filter((p) => p.bad.length > 0);
  if (params.length > 0) {
    strategies.push(
      fc
        .tuple(fc.constantFrom(...params), fc.nat())
        .map(([param, n]) => ({ ...baseRequest(), kind: 'query', query: `?${param.name}=${encodeURIComponent(param.bad[n % param.bad.length]!)}` }))
        .filter((request) => validator.validateRequest(op.operationId, new URLSearchParams(request.query), base ?? {}) !== undefined),
    );
  }
  const bodySchema = operationSpec(op).requestBody ? resolve(operationSpec(op).requestBody).content['application/json'].schema : undefined;
  if (bodySchema && base) {
    const names = [...propertyNames(bodySchema)];
    const invalid = (body: unknown) => validator.validateRequest(op.operationId, new URLSearchParams(), body) !== undefined;
    const mutated = fc.oneof(
      // a field set to a value of the wrong type, length, format or range
      fc.tuple(fc.constantFrom(...names), junk).map(([name, value]) => ({ ...base, [name]: value })),
      // two fields broken at once
      fc.tuple(fc.constantFrom(...names), junk, fc.constantFrom(...names), junk).map(([a, x, b, y]) => ({ ...base, [a]: x, [b]: y })),
      // a required field missing
      fc.constantFrom(...Object.keys(base)).map((name) => Object.fromEntries(Object.entries(base).filter(([key]) => key !== name))),
      // not an object at all
      junk,
      // a bulk array with one bad item (where arrays are allowed)
      fc.tuple(fc.constantFrom(...names), junk).map(([name, value]) => [base, { ...base, [name]: value }]),
    );
    strategies.push(mutated.filter(invalid).map((body) => ({ ...baseRequest(), kind: 'body', body: JSON.stringify(body) })));
    strategies.push(fc.constantFrom('{', '{"name": }', 'nul', '[1,', "{'a': 1}").map((body) => ({ ...baseRequest(), kind: 'json', body })));
  }
  return fc.oneof(...strategies);
}

beforeAll(async () => {
  sandbox = createSandbox({ log: (message) => console.error(message) });
  const headers = { authorization: `Token ${sandbox.token}`, 'integration-id': sandbox.integrationId, 'content-type': 'application/json' };
  const post = async (path: string, body: unknown) => (await sandbox.fetch(new Request(`${sandbox.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }))).json();
  const employee = await post('employees/', { name: 'Fixture', email: 'fixture@example.com', country: 'SWE' });
  const payout = await post('payouts/', { employee: employee.id, amount: '100.00', currency: 'SEK', description: 'Fixture' });
  const webhook = await post('webhooks/', { url: 'http://127.0.0.1:9/never/', events: ['Invoice.paid'] });
  const integration = await post('integrations/', { name: 'Fixture AB', email: 'f@example.com', recipient: 'F', address_line_1: 'G 1', zip_code: '1', city: 'S' });
  ids = { employee: employee.id, payout: payout.id, invoice: payout.invoice, webhook: webhook.id, integration: integration.id };
});

afterAll(() => {
  const rows = Object.entries(counts).map(([operationId, byStatus]) => ({ operationId, total: Object.values(byStatus).reduce((a, b) => a + b, 0), ...byStatus }));
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  console.log(`fuzz: ${total} invalid requests over ${rows.length} operations`);
  console.table(rows);
});

describe('fuzz: invalid requests never get a 5xx, always a DRF error body, and change nothing', () => {
  for (const op of operations) {
    it(`${op.operationId}: ${RUNS_PER_OPERATION} invalid requests`, async () => {
      const before = sandbox.control.snapshot();
      const tally: Record<string, number> = (counts[op.operationId] = {});
      await fc.assert(
        fc.asyncProperty(invalidRequests(op), async (request) => {
          const response = await send(sandbox, request, op.method);
          const text = await response.text();
          tally[response.status] = (tally[response.status] ?? 0) + 1;
          const body = text ? JSON.parse(text) : undefined;
          expect(response.status, `${request.kind} ${text}`).toBeGreaterThanOrEqual(400);
          expect(response.status, `${request.kind} ${text}`).toBeLessThan(500);
          expect(isDrfErrorBody(response.status, body), `${request.kind} ${response.status} ${text}`).toBe(true);
        }),
        { numRuns: RUNS_PER_OPERATION, seed: 4242 },
      );
      expect(sandbox.control.snapshot()).toBe(before);
      expect(Object.values(tally).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(RUNS_PER_OPERATION);
    });
  }

  it('over real HTTP too (createPayout, 200 requests)', async () => {
    const listening = await startSandbox({ log: (message) => console.error(message) });
    try {
      const employee = await fetch(`${listening.url}employees/`, {
        method: 'POST',
        headers: { authorization: `Token ${listening.token}`, 'integration-id': listening.integrationId, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'H', email: 'h@example.com', country: 'SWE' }),
      }).then((r) => r.json());
      const before = listening.control.snapshot();
      const junkBodies = fc.tuple(fc.constantFrom('amount', 'currency', 'description', 'employee', 'start_at', 'metadata'), junk)
        .map(([name, value]) => ({ employee: employee.id, amount: '10.00', currency: 'SEK', description: 'x', [name]: value }))
        .filter((body) => validator.validateRequest('createPayout', new URLSearchParams(), body) !== undefined);
      await fc.assert(
        fc.asyncProperty(junkBodies, async (body) => {
          const response = await fetch(`${listening.url}payouts/`, {
            method: 'POST',
            headers: { authorization: `Token ${listening.token}`, 'integration-id': listening.integrationId, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
          expect(response.status).toBe(400);
          expect(isDrfErrorBody(400, await response.json())).toBe(true);
        }),
        { numRuns: 200, seed: 7 },
      );
      expect(listening.control.snapshot()).toBe(before);
    } finally {
      await listening.close();
    }
  });
});
