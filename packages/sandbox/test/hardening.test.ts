/**
 * Inputs that once knocked the sandbox over or got past its controls: control input that is
 * checked only after acting, the controls open to any web page, and no limits before parsing.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, employeeBody, rawHttp, start, type Call } from './helpers.js';

let sandbox: Awaited<ReturnType<typeof start>>;
let call: Call;

beforeAll(async () => {
  sandbox = await start({ limits: { bodyBytes: 64 * 1024 }, allowedHosts: ['sandbox.test'] });
  call = api(sandbox);
});
afterAll(() => sandbox.close());

const json = { 'content-type': 'application/json' };
const control = (path: string, init: RequestInit = {}) => fetch(`${sandbox.origin}/_sandbox/${path}`, init);

const raw = (text: string) => rawHttp(sandbox.port, text);

describe('control input is checked before the control acts', () => {
  it('a clock advance past the range answers 400 and leaves the clock where it was', async () => {
    const before = await control('clock').then((r) => r.json());
    for (const body of [{ days: 1e8 }, { days: 1, hours: -1 }, { weeks: 1 }, { seconds: 'ten' }, { days: 1e308, hours: 1e308 }]) {
      const response = await control('clock/advance', { method: 'POST', headers: json, body: JSON.stringify(body) });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(typeof (await response.json()).detail).toBe('string');
    }
    const after = await control('clock').then((r) => r.json());
    expect(after.offset_ms).toBe(before.offset_ms);
  });

  it('PUT /faults refuses junk settings and keeps the current ones', async () => {
    const before = await control('faults').then((r) => r.json());
    const junk = [{ errorRate: 'high' }, { seed: 1.5 }, { latencyMs: [50, 5] }, { latencyMs: -1 }, { queue: ['explode'] }, { operations: ['noSuchOperation'] }, { retryAfterSeconds: -3 }, { colour: 'red' }, [1, 2]];
    for (const body of junk) {
      const response = await control('faults', { method: 'PUT', headers: json, body: JSON.stringify(body) });
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect(await control('faults').then((r) => r.json())).toEqual(before);
    expect(() => sandbox.control.setFaults({ latencyMs: 'slow' } as never)).toThrow(/latencyMs/);
  });
});

describe('the controls answer only loopback or configured Host names, and take writes only as JSON', () => {
  it('a DNS-rebinding Host gets a 400, not the token', async () => {
    for (const host of ['evil.example', 'evil.example:80', 'sandbox.test.evil.example', '']) {
      const response = await raw(`GET /_sandbox/ HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect(response.status, host).toBe(400);
      expect(response.body).not.toContain(sandbox.token);
      expect(JSON.parse(response.body).detail).toMatch(/Host/);
    }
    const api = await raw(`GET /v2/employees/ HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Token ${sandbox.token}\r\nIntegration-ID: ${sandbox.integrationId}\r\nConnection: close\r\n\r\n`);
    expect(api.status).toBe(400);
  });

  it('loopback names and configured hosts are answered', async () => {
    for (const host of [`localhost:${sandbox.port}`, `127.0.0.1:${sandbox.port}`, `[::1]:${sandbox.port}`, 'app.localhost', 'sandbox.test', `sandbox.test:${sandbox.port}`]) {
      const response = await raw(`GET /_sandbox/clock HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect(response.status, host).toBe(200);
    }
  });

  it('a text/plain POST (no CORS preflight) cannot reset the sandbox or move its clock', async () => {
    const employee = await call('POST', 'employees/', employeeBody());
    const clock = await control('clock').then((r) => r.json());
    for (const [path, body] of [['reset', undefined], ['clock/advance', '{"hours": 25}'], ['accounts', '{}']] as const) {
      for (const headers of [{ 'content-type': 'text/plain' }, {} as Record<string, string>, { 'content-type': 'application/x-www-form-urlencoded' }, { 'content-type': 'multipart/form-data; boundary=x' }]) {
        const response = await control(path, { method: 'POST', headers, body });
        expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(415);
      }
    }
    expect((await call('GET', `employees/${employee.body.id}/`)).status).toBe(200);
    expect((await control('clock').then((r) => r.json())).offset_ms).toBe(clock.offset_ms);
  });
});

describe('limits before parsing', () => {
  it('a body over the limit is a 413 with a DRF body, and nothing is stored', async () => {
    const before = sandbox.control.snapshot();
    const huge = JSON.stringify(employeeBody({ name: 'x'.repeat(100 * 1024) }));
    const response = await call('POST', 'employees/', huge);
    expect(response.status).toBe(413);
    expect(response.body.detail).toMatch(/larger than 65536 bytes/);
    expect(sandbox.control.snapshot()).toBe(before);
  });

  it('a chunked body (no Content-Length) is cut off at the limit too', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: sandbox.port, method: 'POST', path: '/v2/employees/', headers: { authorization: `Token ${sandbox.token}`, 'integration-id': sandbox.integrationId, 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 10; i++) req.write(`${'x'.repeat(10 * 1024)}`);
      req.end();
    });
    expect(status).toBe(413);
  });

  it('a URL over the limit is a 414', async () => {
    const response = await call('GET', `employees/?search=${'a'.repeat(9000)}`);
    expect(response.status).toBe(414);
    expect(typeof response.body.detail).toBe('string');
  });

  it('JSON nested deeper than the limit is a 400, in the API and in the controls', async () => {
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    const response = await call('POST', 'employees/', `{"name":"D","email":"d@example.com","country":"SWE","metadata":{"a":${deep}}}`);
    expect(response.status).toBe(400);
    expect(response.body.non_field_errors[0]).toMatch(/nesting deeper than 64/);
    const shallow = await call('POST', 'employees/', employeeBody({ metadata: { a: JSON.parse(`${'['.repeat(60)}${']'.repeat(60)}`) } }));
    expect(shallow.status).toBe(201);
    expect((await control('accounts', { method: 'POST', headers: json, body: `{"allowed_ips":${deep}}` })).status).toBe(400);
  });
});

describe('field names of built-in object properties', () => {
  const names = ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf', 'isPrototypeOf'];

  it('in an invalid JSON body are a 400, not a 500', async () => {
    for (const name of names) {
      for (const body of [`{"${name}": 1}`, `{"name": 5, "${name}": {"a": 1}}`, `[{"${name}": 1}]`]) {
        for (const [method, path] of [['POST', 'employees/'], ['POST', 'payouts/'], ['POST', 'webhooks/'], ['PUT', `integrations/${sandbox.integrationId}/`]] as const) {
          const response = await call(method, path, body);
          expect(response.status, `${path} ${body}`).toBe(400);
        }
      }
    }
    expect(sandbox.violations).toEqual([]);
  });

  it('in an invalid multipart body are a 400, not a 500', async () => {
    for (const name of names) {
      const form = new FormData();
      form.set(name, 'x');
      form.set('name', '');
      const response = await fetch(new URL(`integrations/${sandbox.integrationId}/`, sandbox.url), { method: 'PUT', headers: { authorization: `Token ${sandbox.token}` }, body: form });
      expect(response.status, name).toBe(400);
      expect(typeof (await response.json())).toBe('object');
    }
  });
});
