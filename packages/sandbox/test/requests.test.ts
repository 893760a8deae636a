/**
 * Odd but possible requests: repeated query parameters, malformed HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, employeeBody, payoutBody, rawHttp, start, type Call } from './helpers.js';

let sandbox: Awaited<ReturnType<typeof start>>;
let call: Call;

beforeAll(async () => {
  sandbox = await start();
  call = api(sandbox);
  for (let i = 0; i < 3; i++) await call('POST', 'employees/', employeeBody());
});
afterAll(() => sandbox.close());

const raw = (text: string) => rawHttp(sandbox.port, text);

describe('repeated query parameters', () => {
  it('a duplicated page is read once, the same value for validation and paging (the last, as Django does)', async () => {
    const last = await call('GET', 'employees/?page_size=1&page=0&page=2');
    expect(last.status).toBe(200);
    expect(last.body.previous).toMatch(/page=1/);
    expect((await call('GET', 'employees/?page_size=1&page=2&page=0')).status).toBe(400);
    expect((await call('GET', 'employees/?page_size=0&page_size=2')).body.results).toHaveLength(2);
  });

  it('expand=employee sent 100 times is the same as once', async () => {
    const employee = (await call('POST', 'employees/', employeeBody())).body;
    const created = await call('POST', `payouts/?${'expand=employee&'.repeat(100)}`, payoutBody(employee.id));
    expect(created.status).toBe(201);
    expect(created.body.employee.id).toBe(employee.id);
    const list = await call('GET', `payouts/?${'expand=employee&'.repeat(100)}expand=invoice`);
    expect(list.status).toBe(200);
    expect(list.body.results[0].payrun.id).toBeTypeOf('string');
  });
});

describe('malformed requests get a DRF body, never an empty 400', () => {
  const cases = [
    ['a request line that is not HTTP', 'GARBAGE\r\n\r\n'],
    ['a header without a colon', 'GET /v2/ HTTP/1.1\r\nHost: 127.0.0.1\r\nnonsense\r\n\r\n'],
    ['a backslash in the path', 'GET /v2\\employees/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'],
    ['a Host that is not a host', 'GET /v2/ HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n'],
    ['no Host at all', 'GET /v2/ HTTP/1.1\r\nConnection: close\r\n\r\n'],
    ['a relative request target', 'GET v2/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'],
  ] as const;
  for (const [name, text] of cases) {
    it(name, async () => {
      const response = await raw(text);
      expect(response.status).toBe(400);
      expect(typeof JSON.parse(response.body).detail).toBe('string');
    });
  }
});
