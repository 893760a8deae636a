/**
 * The sandbox never commits what it cannot answer: each input below once stored a payout and
 * kept its Idempotency-Key, then failed to write the response (a 500, or a cut connection, for
 * every retry during 24 hours, while a new key paid twice). Now each is answered as it should be,
 * and whatever was answered, a retry with the same key answers the same.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { bundledSpec } from '../src/index.js';
import { createApp } from '../src/internal/app.js';
import { createControl } from '../src/internal/control.js';
import { SandboxCore } from '../src/internal/core.js';
import { EMPLOYEES } from '../src/resources/employees/record.js';
import { integrationsOf } from '../src/resources/integrations/record.js';
import { resolveLimits } from '../src/internal/limits.js';
import { SpecChecks } from '../src/internal/spec-checks.js';
import { assertWritable, MAX_HEADER_BYTES } from '../src/internal/writable.js';
import { employeeBody, payoutBody, startForFile } from './helpers.js';

const { sandbox, call } = await startForFile();
const employee = (await call('POST', 'employees/', employeeBody())).body as { id: string };

interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** Like `call`, but the body is returned as text: a broken answer must fail the test, not the helper. */
async function post(path: string, body: string, headers: Record<string, string>): Promise<RawAnswer> {
  const response = await fetch(new URL(path, sandbox.url), {
    method: 'POST',
    headers: { authorization: `Token ${sandbox.token}`, 'integration-id': sandbox.integrationId, 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The payouts whose description is `description` (each test uses its own). */
async function payoutsDescribed(description: string): Promise<string[]> {
  const listed = await call('GET', `payouts/?search=${encodeURIComponent(description)}&page_size=100`);
  return listed.body.results.filter((p: { description: string }) => p.description === description).map((p: { id: string }) => p.id);
}

/** Posts `body` twice with one key: the first creates one payout, the retry replays it byte for byte. */
async function createsOnceAndReplays(description: string, body: Record<string, unknown>, key: string): Promise<RawAnswer> {
  const first = await post('payouts/', JSON.stringify(body), { 'idempotency-key': key });
  expect(first.status, first.text.slice(0, 300)).toBe(201);
  const retry = await post('payouts/', JSON.stringify(body), { 'idempotency-key': key });
  expect(retry.status).toBe(201);
  expect(retry.headers.get('idempotent-replayed')).toBe('true');
  expect(retry.text).toBe(first.text);
  expect(retry.headers.get('gigapay-sandbox-warning')).toBe(first.headers.get('gigapay-sandbox-warning'));
  expect(await payoutsDescribed(description)).toEqual([JSON.parse(first.text).id]);
  return first;
}

const ASCII = /^[\x20-\x7e]*$/;

describe('Gigapay-Sandbox-Warning is ASCII and bounded, so the answer to a stored payout can always be written', () => {
  it.each([
    ['a euro sign', '€uro'],
    ['CJK', '金額'],
    ['an emoji', 'tip 💸'],
    ['a CR/LF (a header injection attempt)', 'x\r\nSet-Cookie: a=b'],
    ['a NUL and a tab', 'a\u0000b\tc'],
  ])('an unknown field name with %s is escaped', async (label, name) => {
    const description = `odd name: ${label}`;
    const first = await createsOnceAndReplays(description, { ...payoutBody(employee.id, { description }), [name]: 1 }, `odd-name-${label}`);
    const warning = first.headers.get('gigapay-sandbox-warning')!;
    expect(warning).toMatch(ASCII);
    expect(warning).toBe(`ignored unknown field: ${JSON.stringify(name).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}`);
    expect(first.headers.get('set-cookie')).toBeNull();
  });

  it('2,000 unknown fields: the warning names the first few and counts the rest', async () => {
    const description = 'two thousand unknown fields';
    const body: Record<string, unknown> = payoutBody(employee.id, { description });
    for (let i = 0; i < 2000; i++) body[`field_${i}`] = i;
    const first = await createsOnceAndReplays(description, body, 'two-thousand-fields');
    const warning = first.headers.get('gigapay-sandbox-warning')!;
    expect(warning).toMatch(/^ignored unknown fields: field_0, field_1, .*, \.\.\.and \d+ more$/);
    const shown = warning.slice('ignored unknown fields: '.length).split(', ').slice(0, -1);
    expect(Number(/and (\d+) more$/.exec(warning)![1]) + shown.length).toBe(2000);
    expect(warning.length).toBeLessThanOrEqual(1024);
  });

  it('a field name of 100,000 characters is cut', async () => {
    const description = 'one very long name';
    const first = await createsOnceAndReplays(description, { ...payoutBody(employee.id, { description }), ['n'.repeat(100_000)]: 1 }, 'long-name');
    expect(first.headers.get('gigapay-sandbox-warning')!.length).toBeLessThanOrEqual(1024);
  });
});

describe('date-times that no timestamp can show are refused, naming the field', () => {
  it.each([
    ['after 9999 in UTC', 'start_at', '9999-12-31T23:59:59-23:59'],
    ['before 0000 in UTC', 'end_at', '0000-01-01T00:00:00+01:00'],
  ])('%s: a 400 in DRF shape, nothing stored, the key free', async (_label, field, value) => {
    const description = `out of range ${field}`;
    const key = `date-range-${field}`;
    const refused = await post('payouts/', JSON.stringify(payoutBody(employee.id, { description, [field]: value })), { 'idempotency-key': key });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text)).toEqual({ [field]: ['Datetime value out of range.'] });
    expect(await payoutsDescribed(description)).toEqual([]);
    const corrected = await post('payouts/', JSON.stringify(payoutBody(employee.id, { description })), { 'idempotency-key': key });
    expect(corrected.status).toBe(201);
    expect(corrected.headers.get('idempotent-replayed')).toBeNull();
  });

  it('the edges of the range are accepted and shown as sent', async () => {
    const created = await call('POST', 'payouts/', payoutBody(employee.id, { start_at: '0000-01-01T00:00:00Z', end_at: '9999-12-31T23:59:59+00:00' }));
    expect(created.status).toBe(201);
    expect([created.body.start_at, created.body.end_at]).toEqual(['0000-01-01T00:00:00.000000Z', '9999-12-31T23:59:59.000000Z']);
  });

  it('in a bulk body, per item', async () => {
    const refused = await call('POST', 'payouts/', [payoutBody(employee.id), payoutBody(employee.id, { start_at: '9999-12-31T23:59:59-01:00' })]);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual([{}, { start_at: ['Datetime value out of range.'] }]);
  });
});

describe('a multipart form is depth-checked before anything is serialised', () => {
  it('metadata nested 10,000 deep (a 20 KB body) is the JSON-depth 400, and the key stays free', async () => {
    const before = sandbox.control.snapshot();
    const form = (metadata: string) => {
      const data = new FormData();
      for (const [name, value] of Object.entries({ name: 'Deep AB', email: 'deep@example.com', recipient: 'D', address_line_1: 'G 1', zip_code: '1', city: 'S', metadata })) data.set(name, value);
      return data;
    };
    const send = (data: FormData) =>
      fetch(new URL('integrations/', sandbox.url), { method: 'POST', body: data, headers: { authorization: `Token ${sandbox.token}`, 'idempotency-key': 'deep-form' } });
    const deep = await send(form(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`));
    expect(deep.status).toBe(400);
    expect((await deep.json()).non_field_errors[0]).toMatch(/nesting deeper than 64/);
    expect(sandbox.control.snapshot()).toBe(before);
    const corrected = await send(form('{"a": {"b": 1}}'));
    expect(corrected.status).toBe(201);
    expect(corrected.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('a client that resets the connection during its upload leaves no key behind', () => {
  /** Sends the head and `sent` of the body, then destroys the socket (a TCP reset from the client's side). */
  function resetDuringUpload(head: Record<string, string>, sent: string): Promise<void> {
    return new Promise((resolve) => {
      const url = new URL('payouts/', sandbox.url);
      const outgoing = request(url, {
        method: 'POST',
        headers: { authorization: `Token ${sandbox.token}`, 'integration-id': sandbox.integrationId, 'content-type': 'application/json', ...head },
      });
      outgoing.on('error', () => resolve());
      outgoing.on('close', () => resolve());
      outgoing.flushHeaders();
      outgoing.write(sent, () => setTimeout(() => outgoing.destroy(), 50));
    });
  }

  it.each([
    ['a Content-Length body cut short (what arrived parses as JSON)', { 'content-length': '4096' }],
    ['a chunked body without its last chunk', { 'transfer-encoding': 'chunked' }],
  ])('%s', async (label, head) => {
    const description = `reset: ${label}`;
    const body = JSON.stringify(payoutBody(employee.id, { description }));
    const key = `reset-${label}`;
    await resetDuringUpload({ ...head, 'idempotency-key': key }, body);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await payoutsDescribed(description)).toEqual([]);
    const retry = await post('payouts/', body, { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await payoutsDescribed(description)).toEqual([JSON.parse(retry.text).id]);
  });
});

describe('the mechanism: a response is built and checked writable before the commit', () => {
  /** An in-process app whose warning header is whatever `warning` says: the check must not rely on the warning's own escaping. */
  function appWarning(warning: string, log?: (message: string) => void) {
    const core = new SandboxCore();
    const logged: string[] = [];
    const app = createApp({
      core,
      control: createControl(core),
      validator: new SpecChecks(bundledSpec),
      strict: true,
      log: log ?? ((message) => logged.push(message)),
      ignoredFields: () => warning,
      limits: resolveLimits(),
      allowedHosts: [],
    });
    const post = (path: string, body: unknown, key: string) =>
      app.fetch(
        new Request(`http://127.0.0.1/v2/${path}`, {
          method: 'POST',
          headers: { authorization: `Token ${core.defaultCredentials.token}`, 'integration-id': core.defaultCredentials.integrationId, 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(body),
        }),
      );
    const send = (key: string) => post('employees/', employeeBody({ email: 'same@example.com' }), key);
    return { core, logged, send, post };
  }

  it.each([
    ['a value outside Latin-1', 'ignored: \u20ac'],
    ['a CR/LF', 'a\r\nb'],
    ['a header block over the limit', 'x'.repeat(MAX_HEADER_BYTES)],
  ])('%s: a loud 500, nothing committed, the key free (the retry answers the same)', async (_label, warning) => {
    const { core, logged, send } = appWarning(warning);
    const before = core.idempotency.size;
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await send('k');
      expect(answer.status).toBe(500);
      expect((await answer.json()).detail).toMatch(/^sandbox bug: UnwritableResponse: the response cannot be written/);
      expect([...integrationsOf(core).values()].every((integration) => integration.data.get(EMPLOYEES).size === 0)).toBe(true);
      expect(core.idempotency.size).toBe(before);
    }
    expect(logged.some((line) => line.includes('gigapay-sandbox-warning') || line.includes('bytes of headers'))).toBe(true);
  });

  it('a writable answer commits as before', async () => {
    const { core, send } = appWarning('ignored unknown field: x');
    expect((await send('k')).status).toBe(201);
    expect(core.idempotency.size).toBe(1);
  });

  it('an effect after the commit that throws (a webhook enqueue) is logged, and the committed answer still sent and replayed', async () => {
    const { core, logged, send, post } = appWarning('ignored unknown field: x');
    expect((await post('webhooks/', { url: 'https://example.com/hook', events: ['Employee.created'] }, 'hook')).status).toBe(201);
    core.deliverer.enqueue = () => {
      throw new Error('enqueue broke');
    };
    const first = await send('after-commit');
    expect(first.status).toBe(201);
    const retry = await send('after-commit');
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    expect(logged.filter((line) => line.startsWith('sandbox bug after the commit of POST /v2/employees/: Error: enqueue broke'))).toHaveLength(1);
  });

  it('a `log` option that throws after the commit leaves the committed answer as it is, and replayed', async () => {
    const { core, send } = appWarning('ignored unknown field: x', () => {
      throw new Error('the log broke');
    });
    const first = await send('log-throws');
    expect(first.status).toBe(201);
    const retry = await send('log-throws');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(integrationsOf(core).get(core.defaultCredentials.integrationId)!.data.get(EMPLOYEES).size).toBe(1);
  });

  it('assertWritable (unit): Latin-1 passes, beyond it or a control character or a bad name throws, and so does a status outside 200-599', () => {
    const ok = { status: 201, body: null, headers: { 'x-a': 'caf\u00e9 \t ok' } };
    expect(() => assertWritable(ok)).not.toThrow();
    expect(() => assertWritable({ ...ok, headers: { 'x-a': '\u0100' } })).toThrow(/header "x-a"/);
    expect(() => assertWritable({ ...ok, headers: { 'x-a': 'a\nb' } })).toThrow(/header "x-a"/);
    expect(() => assertWritable({ ...ok, headers: { 'x a': 'b' } })).toThrow(/header "x a"/);
    expect(() => assertWritable({ ...ok, status: 1000 })).toThrow(/status 1000/);
    expect(() => assertWritable({ ...ok, status: 199 })).toThrow(/status 199/);
    expect(() => assertWritable({ ...ok, status: 599 })).not.toThrow();
    expect(() => assertWritable({ ...ok, status: 200 })).not.toThrow();
    const atLimit = { ...ok, headers: { 'x-a': 'v'.repeat(MAX_HEADER_BYTES - 'x-a: \r\n'.length) } };
    expect(() => assertWritable(atLimit)).not.toThrow();
    expect(() => assertWritable({ ...ok, headers: { ...atLimit.headers, b: '' } })).toThrow(/bytes of headers/);
  });
});
