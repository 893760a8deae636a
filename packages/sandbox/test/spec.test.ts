import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { bundledSpec, createSandbox } from '../src/index.js';
import { integrationScope, ROUTES } from '../src/internal/routes.js';
// @ts-expect-error -- a plain .mjs script, without type declarations
import { renderRoutes, renderSpec } from '../scripts/generate.mjs';
import { handlers } from '../src/resources/index.js';
import { SpecChecks } from '../src/internal/spec-checks.js';

// Through the workspace package (spec/dist/openapi.json), so it resolves from Stryker's sandbox copy too.
const bundlePath = createRequire(import.meta.url).resolve('@gigapay/openapi/openapi.json');

describe('the bundled spec inside the package', () => {
  it('is the same as spec/dist/openapi.json (run `pnpm --filter @gigapay/sandbox generate` when this fails)', () => {
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
    expect(bundledSpec).toEqual(bundle);
  });

  it('src/generated/ is what scripts/generate.mjs writes from it: the spec, the routes and their Integration-ID scopes (run `pnpm --filter @gigapay/sandbox generate` when this fails)', () => {
    const text = readFileSync(bundlePath, 'utf8');
    const generated = (name: string) => readFileSync(new URL(`../src/generated/${name}`, import.meta.url), 'utf8');
    expect(generated('routes.ts')).toBe(renderRoutes(text));
    expect(generated('openapi.ts')).toBe(renderSpec(text));
  });

  it('scopes Integration-ID as the spec documents it: required inside an integration, optional on the API root, none on the integrations themselves', () => {
    const scopes = Object.fromEntries(ROUTES.flatMap((route) => Object.values(route.methods).map((id) => [id, integrationScope(id!)])));
    expect(scopes.retrieveApiRoot).toBe('optional');
    expect(scopes.listIntegrations).toBe('none');
    expect(scopes.deleteIntegration).toBe('none');
    expect(scopes.createPayout).toBe('required');
  });

  it('an optional Integration-ID is checked when sent, and not needed when not', async () => {
    const sandbox = createSandbox();
    const root = (integrationId?: string) =>
      sandbox.fetch(new Request(sandbox.url, { headers: { authorization: `Token ${sandbox.token}`, ...(integrationId ? { 'integration-id': integrationId } : {}) } }));
    expect((await root()).status).toBe(200);
    expect((await root(sandbox.integrationId)).status).toBe(200);
    expect((await root('not-mine')).status).toBe(403);
    await sandbox.close();
  });

  it('has a handler and a route for each of its operations, and nothing more', () => {
    const fromSpec = new SpecChecks(bundledSpec).listOperations().map((o) => `${o.method} ${o.path} ${o.operationId}`).sort();
    const fromRoutes = ROUTES.flatMap((route) => Object.entries(route.methods).map(([method, id]) => `${method} ${route.path} ${id}`)).sort();
    expect(fromRoutes).toEqual(fromSpec);
    expect(fromSpec).toHaveLength(55);
    expect(Object.keys(handlers).sort()).toEqual(fromSpec.map((line) => line.split(' ')[2]).sort());
  });

  it('documents the Idempotency-Key rule the sandbox enforces (a non-empty string, no length limit)', () => {
    const schema = (bundledSpec as any).components.parameters.IdempotencyKey.schema;
    expect(schema).toEqual({ type: 'string', minLength: 1 });
  });
});

describe('strict mode', () => {
  it('turns a response that breaks the spec into a loud 500 naming the schema path', async () => {
    // A spec that demands a field the sandbox never sends: the sandbox has "drifted".
    const drifted = structuredClone(bundledSpec) as any;
    drifted.components.schemas.Employee.required.push('nickname');
    const logged: string[] = [];
    const sandbox = createSandbox({ spec: drifted, log: (m) => logged.push(m) });
    const headers = { authorization: `Token ${sandbox.token}`, 'integration-id': sandbox.integrationId, 'content-type': 'application/json' };
    const response = await sandbox.fetch(new Request(`${sandbox.url}employees/`, { method: 'POST', headers, body: JSON.stringify({ name: 'A', email: 'a@example.com', country: 'SWE' }) }));
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.detail).toMatch(/createEmployee 201 breaks the spec: response 201 body must have required property 'nickname' \(#\/components\/schemas\/Employee\/required\)/);
    expect(logged).toHaveLength(1);

    const lenient = createSandbox({ spec: drifted, strict: false, log: () => {} });
    const ok = await lenient.fetch(new Request(`${lenient.url}employees/`, { method: 'POST', headers: { ...headers, authorization: `Token ${lenient.token}`, 'integration-id': lenient.integrationId }, body: JSON.stringify({ name: 'A', email: 'a@example.com', country: 'SWE' }) }));
    expect(ok.status).toBe(201);
  });

  it('reports an undocumented status', () => {
    const validator = new SpecChecks(bundledSpec);
    expect(validator.validateResponse('retrieveEmployee', 418, { detail: 'x' })).toMatch(/response 418 is not documented for retrieveEmployee/);
    expect(validator.validateResponse('retrieveEmployee', 404, { detail: 'Not found.' })).toBeUndefined();
  });
});
