/**
 * A request commits its writes and its idempotent response, or changes nothing: a response that
 * breaks the spec rolls the state back (and still answers the loud 500), and a retry with the same
 * Idempotency-Key then writes once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledSpec } from '../src/index.js';
import { api, employeeBody, payoutBody, start, type Call } from './helpers.js';

let sandbox: Awaited<ReturnType<typeof start>>;
let call: Call;
let employee: { id: string };

beforeAll(async () => {
  sandbox = await start();
  call = api(sandbox);
  employee = (await call('POST', 'employees/', employeeBody())).body;
});
afterAll(() => sandbox.close());

describe('the four inputs that once saved a write and answered 500', () => {
  it('a pre-1970 start_at with a fraction is stored and formatted', async () => {
    const created = await call('POST', 'payouts/', payoutBody(employee.id, { start_at: '1969-12-31T23:59:59.5Z' }));
    expect(created.status).toBe(201);
    expect(created.body.start_at).toBe('1969-12-31T23:59:59.500000Z');
    expect((await call('GET', 'payouts/')).status).toBe(200);
  });

  it('metadata nested 5,000 levels deep is a 400 before anything is stored', async () => {
    const before = sandbox.control.snapshot();
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const response = await call('POST', 'employees/', `{"name":"Deep","email":"deep@example.com","country":"SWE","metadata":${deep}}`, { 'idempotency-key': 'deep' });
    expect(response.status).toBe(400);
    expect(response.body.non_field_errors[0]).toMatch(/nest/i);
    expect(sandbox.control.snapshot()).toBe(before);
  });

  it('an integration logo that is not a valid URL becomes a URL the spec accepts', async () => {
    const created = await call('POST', 'integrations/', { name: 'Logo AB', logo: 'https://a b/c.png', email: 'l@example.com', recipient: 'L', address_line_1: 'G 1', zip_code: '1', city: 'S' });
    expect(created.status).toBe(201);
    expect(() => new URL(created.body.logo)).not.toThrow();
    const spaced = await call('PATCH', `integrations/${created.body.id}/`, { logo: 'https://example.com/my logo.png' });
    expect(spaced.status).toBe(200);
    expect(spaced.body.logo).toBe('https://example.com/my%20logo.png');
    expect((await call('GET', 'integrations/')).status).toBe(200);
  });

  it('the clock cannot be moved past the range timestamps can show', async () => {
    const before = sandbox.control.now();
    expect(() => sandbox.control.advanceClock(1e8 * 86_400_000)).toThrow(/clock/);
    expect(sandbox.control.now() >= before).toBe(true);
    expect(Date.parse(sandbox.control.now()) - Date.parse(before)).toBeLessThan(60_000);
    expect((await call('POST', 'employees/', employeeBody())).status).toBe(201);
  });
});

describe('a response that breaks the spec rolls the request back', () => {
  /** The bundled spec, but an employee's `created_at` must be in the 22nd century or later. */
  function stricterSpec() {
    const spec = structuredClone(bundledSpec) as any;
    const employeeSchema = spec.components.schemas.Employee;
    employeeSchema.properties.created_at = { allOf: [employeeSchema.properties.created_at, { pattern: '^2[1-9]' }] };
    return spec;
  }

  it('state unchanged after the 500, no stored response for the key, and the retry creates exactly one', async () => {
    const strict = await start({ spec: stricterSpec() });
    try {
      const own = api(strict);
      const body = employeeBody({ metadata: { attempt: 1 } });
      const before = strict.control.snapshot();
      const failed = await own('POST', 'employees/', body, { 'idempotency-key': 'strict-1' });
      expect(failed.status).toBe(500);
      expect(failed.headers.get('sandbox-spec-violation')).toBe('true');
      expect(strict.control.snapshot()).toBe(before);
      expect(strict.control.deliveries()).toEqual([]);

      // Time passes (100 years: into what the stricter spec accepts); the same request, the same key.
      strict.control.advanceClock(100 * 366 * 86_400_000);
      const retried = await own('POST', 'employees/', body, { 'idempotency-key': 'strict-1' });
      expect(retried.status).toBe(201);
      expect(retried.headers.get('idempotent-replayed')).toBeNull();
      const replayed = await own('POST', 'employees/', body, { 'idempotency-key': 'strict-1' });
      expect(replayed.headers.get('idempotent-replayed')).toBe('true');
      expect(replayed.body).toEqual(retried.body);
      const list = await own('GET', 'employees/');
      expect(list.status).toBe(200);
      expect(list.body.count).toBe(1);
    } finally {
      await strict.close();
    }
  });

  it('a payout create that fails rolls back its payrun, the employee flag and the queued events', async () => {
    const spec = structuredClone(bundledSpec) as any;
    spec.components.schemas.Payout.properties.description = { type: 'string', maxLength: 3 };
    const strict = await start({ spec });
    try {
      const own = api(strict);
      const person = (await own('POST', 'employees/', employeeBody())).body;
      await own('POST', 'webhooks/', { url: 'http://127.0.0.1:9/never/', events: ['Payout.created', 'Payrun.created', 'Employee.created'] });
      const before = strict.control.snapshot();
      const failed = await own('POST', 'payouts/', payoutBody(person.id, { description: 'too long' }));
      expect(failed.status).toBe(500);
      const inline = await own('POST', 'payouts/?expand=employee', { ...payoutBody('x'), employee: { name: 'Inline', email: 'inline@example.com', country: 'SWE' }, description: 'too long' });
      expect(inline.status).toBe(500);
      expect(strict.control.snapshot()).toBe(before);
      expect(strict.control.deliveries()).toEqual([]);
      // The employee had no payout: it can still be deleted.
      expect((await own('DELETE', `employees/${person.id}/`)).status).toBe(204);
    } finally {
      await strict.close();
    }
  });
});
