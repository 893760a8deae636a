/**
 * A property over real HTTP: no request, however odd its field names and sizes, is answered with
 * a 5xx, and none changes anything unless it is answered 2xx; and whatever a request was answered,
 * a retry with the same Idempotency-Key is answered the same (a 2xx replayed byte for byte, a
 * refusal refused again, since a refusal is not remembered) without changing anything more.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { employeeBody, payoutBody, startForFile } from './helpers.js';

const { sandbox, call } = await startForFile();
const employee = (await call('POST', 'employees/', employeeBody())).body as { id: string };

/** Field names a client might send: any code points, lone surrogates, control characters, built-ins, very long ones. */
const fieldName = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'a.b', '', ' ', '\r\n', 'x\r\nSet-Cookie: a=b', '\u0000', '€', '💸', '金額', 'amount', 'employee'),
  fc.string({ unit: 'binary', minLength: 500, maxLength: 3000 }),
);

const extraFields = fc.record({
  few: fc.array(fc.tuple(fieldName, fc.jsonValue({ maxDepth: 2 })), { maxLength: 6 }),
  /** Many generated names (`<prefix>0`, `<prefix>1`, …): up to 3,000 unknown fields. */
  many: fc.record({ prefix: fieldName, count: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3000 })) }),
});

const payoutFields = fc.record({
  amount: fc.constantFrom('1000.00', '0', '0.01', '9999999999.99', '10000000000.00', 'x'),
  employee: fc.constantFrom(employee.id, 'no-such-employee'),
  start_at: fc.option(fc.constantFrom('2030-01-01T00:00:00Z', '9999-12-31T23:59:59-23:59', '0000-01-01T00:00:00+01:00', '1969-12-31T23:59:59.5Z', '0000-01-01T00:00:00Z', 'soon'), { nil: undefined }),
  description: fc.string({ unit: 'grapheme', minLength: 0, maxLength: 30 }),
});

const requestShape = fc.record({
  target: fc.constantFrom('payout', 'bulk', 'inline', 'employee'),
  payout: payoutFields,
  extra: extraFields,
});

type Shape = typeof requestShape extends fc.Arbitrary<infer T> ? T : never;

/** The body as JSON text: extra fields are own properties whatever their names (`__proto__` included). */
function bodyOf({ target, payout, extra }: Shape): { path: string; text: string } {
  const extras: [string, unknown][] = [...extra.few];
  for (let i = 0; i < extra.many.count; i++) extras.push([`${extra.many.prefix}${i}`, i]);
  const withExtras = (base: Record<string, unknown>) => Object.fromEntries([...Object.entries(base), ...extras]);
  const item = payoutBody(payout.employee, { amount: payout.amount, description: payout.description, ...(payout.start_at ? { start_at: payout.start_at } : {}) });
  switch (target) {
    case 'payout':
      return { path: 'payouts/', text: JSON.stringify(withExtras(item)) };
    case 'bulk':
      return { path: 'payouts/', text: JSON.stringify([payoutBody(employee.id), withExtras(item)]) };
    case 'inline':
      return { path: 'payouts/?expand=employee', text: JSON.stringify({ ...item, employee: withExtras(employeeBody()) }) };
    default:
      return { path: 'employees/', text: JSON.stringify(withExtras(employeeBody({ name: payout.description }))) };
  }
}

async function send(path: string, text: string, key: string) {
  const response = await fetch(new URL(path, sandbox.url), {
    method: 'POST',
    headers: { authorization: `Token ${sandbox.token}`, 'integration-id': sandbox.integrationId, 'content-type': 'application/json', 'idempotency-key': key },
    body: text,
  });
  return { status: response.status, replayed: response.headers.get('idempotent-replayed'), warning: response.headers.get('gigapay-sandbox-warning'), text: await response.text() };
}

let run = 0;

it('no request gets a 5xx, nothing but a 2xx changes anything, and a retry with the same key answers the same', async () => {
  await fc.assert(
    fc.asyncProperty(requestShape, async (shape) => {
      const { path, text } = bodyOf(shape);
      const key = `property-${run++}`;
      const before = sandbox.control.snapshot();
      const first = await send(path, text, key);
      expect(first.status, first.text.slice(0, 300)).toBeLessThan(500);
      const afterFirst = sandbox.control.snapshot();
      if (first.status >= 300) expect(afterFirst).toBe(before);
      if (first.warning !== null) expect(first.warning).toMatch(/^[\x20-\x7e]{1,1024}$/);

      const retry = await send(path, text, key);
      expect(retry.status).toBe(first.status);
      expect(retry.text).toBe(first.text);
      expect(retry.warning).toBe(first.warning);
      expect(retry.replayed).toBe(first.status < 300 ? 'true' : null);
      expect(sandbox.control.snapshot()).toBe(afterFirst);
    }),
    { numRuns: 80, seed: 17 },
  );
}, 120_000);
