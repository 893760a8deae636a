// Types only: `import type` from @gigapay/types and a hand-written fetch; nothing of ours at run time.
import type { Employee, EmployeeCreate, Page, Payout, PayoutCreate, ValidationError, WebhookPayloads } from '@gigapay/types';
import { createHmac } from 'node:crypto';

const target = JSON.parse(process.env['CONSUMER_TARGET'] ?? '{}') as { baseUrl: string; token: string; integrationId: string; hookUrl: string; tag: string };
const headers = { Authorization: `Token ${target.token}`, 'Integration-ID': target.integrationId, 'Content-Type': 'application/json' };

async function call<T>(step: string, path: string, init: { method?: string; body?: unknown } = {}, status = 200): Promise<T> {
  const response = await fetch(new URL(path, target.baseUrl), { method: init.method ?? 'GET', headers, body: init.body === undefined ? null : JSON.stringify(init.body) });
  if (response.status !== status) throw new Error(`step ${step}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const secret = `whsec-${target.tag}`;
await call('create webhook', 'webhooks/', { method: 'POST', body: { url: target.hookUrl, events: ['Employee.created'], secret_key: secret } }, 201);
const newEmployee: EmployeeCreate = { name: `Types ${target.tag}`, email: `${target.tag}@example.com`, country: 'SWE' };
const employee = await call<Employee>('register employee', 'employees/', { method: 'POST', body: newEmployee }, 201);
const newPayout: PayoutCreate = { employee: employee.id, currency: 'SEK', description: `Gig ${target.tag}`, amount: '1000.00' };
const payout = await call<Payout>('create payout', 'payouts/', { method: 'POST', body: newPayout }, 201);
if (payout.cost !== '1379.91') throw new Error(`step create payout: cost ${payout.cost}`);
const page = await call<Page<Payout>>('list payouts with expand=employee', `payouts/?expand=employee&search=${target.tag}`);
const expanded = page.results[0]?.employee;
if (typeof expanded !== 'object' || expanded.id !== employee.id) throw new Error(`step list payouts with expand=employee: ${JSON.stringify(expanded)}`);
const invalid = await call<ValidationError>('validation error', 'payouts/', { method: 'POST', body: { ...newPayout, employee: `nobody-${target.tag}` } }, 400);
if (!('employee' in invalid)) throw new Error(`step validation error: ${JSON.stringify(invalid)}`);

await fetch(new URL('/_sandbox/webhook-deliveries?wait=true', target.baseUrl));
const [delivery] = (await (await fetch(`${target.hookUrl}received`)).json()) as Array<{ body: string; signature: string }>;
if (!delivery) throw new Error('step verify signed webhook delivery: nothing arrived');
const [t, v1] = delivery.signature.split(',').map((part) => part.split('=')[1]);
const expected = createHmac('sha256', secret).update(`${t}.${delivery.body}`).digest('hex');
if (v1 !== expected) throw new Error('step verify signed webhook delivery: signature does not match');
const created: WebhookPayloads['Employee.created'] = JSON.parse(delivery.body);
if (created.id !== employee.id) throw new Error(`step verify signed webhook delivery: ${created.id}`);
