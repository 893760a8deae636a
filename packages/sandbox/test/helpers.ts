import { connect } from 'node:net';
import { afterAll } from 'vitest';
import { startSandbox, type ListeningSandbox, type SandboxOptions } from '../src/index.js';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export type Call = <T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiResponse<T>>;

/** A sandbox on a real loopback port; strict mode on, violations collected for the test to see. */
export async function start(options: SandboxOptions = {}): Promise<ListeningSandbox & { violations: string[] }> {
  const violations: string[] = [];
  const sandbox = await startSandbox({ log: (message) => violations.push(message), ...options });
  return Object.assign(sandbox, { violations });
}

/** A sandbox for the whole test file (closed after its tests), and `call` bound to it. */
export async function startForFile(options: SandboxOptions = {}): Promise<{ sandbox: Awaited<ReturnType<typeof start>>; call: Call }> {
  const sandbox = await start(options);
  afterAll(() => sandbox.close());
  return { sandbox, call: api(sandbox) };
}

/** fetch against the sandbox's `/v2/` base with the default credentials (override per call). */
export function api(sandbox: { url: string; token: string; integrationId: string }, defaults: Record<string, string> = {}): Call {
  return async (method, path, body, headers = {}) => {
    const response = await fetch(new URL(path, sandbox.url), {
      method,
      redirect: 'manual',
      headers: {
        authorization: `Token ${sandbox.token}`,
        'integration-id': sandbox.integrationId,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...defaults,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
}

/** The same token without any `Integration-ID` header: how the account's own (user-scoped) operations are called. */
export function accountApi(sandbox: { url: string; token: string }) {
  return async (method: string, path: string, body?: unknown): Promise<ApiResponse> => {
    const response = await fetch(new URL(path, sandbox.url), {
      method,
      headers: { authorization: `Token ${sandbox.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
}

export const employeeBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Anna Andersson',
  email: `anna.${Math.random().toString(36).slice(2, 8)}@example.com`,
  country: 'SWE',
  ...overrides,
});

export const payoutBody = (employee: string, overrides: Record<string, unknown> = {}) => ({
  employee,
  amount: '1000.00',
  currency: 'SEK',
  description: 'Instagram samarbete 2021-11-13.',
  ...overrides,
});

/** A valid `RegistrationCreate` body (Gigapay's example company). */
export const registrationBody = (overrides: Record<string, unknown> = {}) => ({
  email: 'hello@nordlys.dk',
  phone_number: '+4570123456',
  friendly_name: 'Nordlys',
  registered_name: 'Nordlys ApS',
  tin_number: '12345678',
  country: 'DNK',
  address_line_1: 'Vesterbrogade 12',
  zip_code: '1620',
  city: 'København',
  signatory_name: 'Freja Holm',
  signatory_email: 'freja@nordlys.dk',
  finance_email: 'finance@nordlys.dk',
  technical_email: 'tech@nordlys.dk',
  invoice_email: 'invoices@nordlys.dk',
  ...overrides,
});

/** A raw HTTP/1.1 exchange with a listening sandbox, for requests fetch refuses to send (a forged Host, broken syntax). */
export function rawHttp(port: number, text: string): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), head, body });
    });
  });
}
