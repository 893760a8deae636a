/**
 * Registrations and Integrations act as the user: their calls never send `Integration-ID`, even
 * from a client constructed with one, and even when the call gives one. Every other operation
 * sends the client's. The set of user-scoped operations is the spec's: checked below against every
 * operation of the bundled spec.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { USER_SCOPED } from '../src/internal/integration-scope.js';
import { clientWith, json } from './helpers.js';

const page = { count: 0, next: null, previous: null, results: [] };

describe('Integration-ID', () => {
  it('is never sent by a registration or integration call, even by a client (or a call) that has one', async () => {
    const { client, calls } = clientWith(() => json(200, page));
    const path = { id: 'r1' };
    await client.GET('/registrations/');
    await client.GET('/registrations/{id}/', { params: { path } });
    await client.POST('/registrations/{id}/approve/', { params: { path } });
    await client.DELETE('/registrations/{id}/', { params: { path } });
    await client.GET('/integrations/');
    await client.PATCH('/integrations/{id}/', { params: { path }, body: { name: 'Acme' } });
    // A call that insists (the types refuse it: the spec has no such header here).
    await client.GET('/registrations/', { headers: { 'Integration-ID': 'other' } } as never);
    expect(calls.map((call) => [call.method, new URL(call.url).pathname, call.headers.get('integration-id')])).toEqual([
      ['GET', '/v2/registrations/', null],
      ['GET', '/v2/registrations/r1/', null],
      ['POST', '/v2/registrations/r1/approve/', null],
      ['DELETE', '/v2/registrations/r1/', null],
      ['GET', '/v2/integrations/', null],
      ['PATCH', '/v2/integrations/r1/', null],
      ['GET', '/v2/registrations/', null],
    ]);
    // The rest of the request is as always: the token, a key on the POST.
    expect(calls.every((call) => call.headers.get('authorization')?.startsWith('Token '))).toBe(true);
    expect(calls[2]!.headers.has('idempotency-key')).toBe(true);
  });

  it('is sent by every other call, where the spec has it (required or optional)', async () => {
    const { client, calls } = clientWith(() => json(200, page));
    await client.GET('/employees/');
    await client.GET('/webhooks/');
    await client.GET('/payment_term/');
    await client.GET('/');
    await client.GET('/payruns/', { headers: { 'Integration-ID': 'other' } });
    expect(calls.map((call) => call.headers.get('integration-id'))).toEqual(['integration-1', 'integration-1', 'integration-1', 'integration-1', 'other']);
  });

  it('is absent from exactly the operations of the user-scoped paths, operation by operation of the bundled spec', () => {
    const spec = JSON.parse(readFileSync(new URL('../../../spec/dist/openapi.json', import.meta.url), 'utf8'));
    const resolve = (node: { $ref?: string }) => (node.$ref ? node.$ref.split('/').slice(1).reduce((at, key) => at[key], spec) : node);
    const operations = Object.entries<Record<string, any>>(spec.paths).flatMap(([path, item]) =>
      ['get', 'put', 'post', 'delete', 'patch']
        .filter((method) => item[method])
        .map((method) => {
          const parameters = [...(item.parameters ?? []), ...(item[method].parameters ?? [])].map(resolve);
          const hasHeader = parameters.some((parameter) => parameter.in === 'header' && parameter.name === 'Integration-ID');
          return { operation: `${method} ${path}`, sendsIntegrationId: !USER_SCOPED.test(path), specHasIt: hasHeader };
        }),
    );
    expect(operations.length).toBe(55);
    expect(operations.filter((o) => o.sendsIntegrationId !== o.specHasIt)).toEqual([]);
    // Not vacuous: the 7 registration and 5 integration operations.
    expect(operations.filter((o) => !o.specHasIt)).toHaveLength(12);
  });
});
