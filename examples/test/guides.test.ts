// Each seed guide, run as a program against a real sandbox, does what the guide promises.
import { createGigapayClient } from '@gigapay/client';
import { startSandbox, type ListeningSandbox } from '@gigapay/sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GuideEnv } from '../guides/env.js';
import { payAtScale } from '../guides/large-scale.js';
import { onboardInAdvance } from '../guides/onboarding-in-advance.js';
import { payForTask } from '../guides/task-based-compensation.js';
import { runQuickstart } from '../quickstart.js';

let sandbox: ListeningSandbox;
let env: GuideEnv;
const lines: string[] = [];

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0 });
  const client = createGigapayClient({ token: sandbox.token, integrationId: sandbox.integrationId, server: sandbox.url, throwOnError: true });
  lines.length = 0;
  env = { client, sandbox, log: (line) => lines.push(line) };
});
afterEach(() => sandbox.close());

describe('the guides', () => {
  it('task-based compensation pays with an inline employee in one call, reusing the employee next time', async () => {
    const first = await payForTask(env);
    const second = await payForTask(env);
    expect(first.employee.name).toBe('Albin Lindskog');
    expect(second.employee.id).toBe(first.employee.id);
    expect(first).toMatchObject({ amount: '1000.00', cost: '1379.91', invoiced_amount: '1314.20' });
    const { data } = await env.client.GET('/employees/');
    expect(data.count).toBe(1);
  });

  it('onboarding in advance pays by id after a signature-checked Employee.verified webhook', async () => {
    const { employee, payout } = await onboardInAdvance(env);
    expect(employee.verified_at).not.toBeNull();
    expect(payout.employee).toBe('user-1847');
    expect(payout.invoiced_amount).toBe('2500.00');
    const deliveries = await sandbox.control.waitForDeliveries({ event: 'Employee.verified' });
    expect(deliveries).toHaveLength(1);
  });

  it('large scale puts thousands of payouts on one invoice and notifies them all once it is paid', async () => {
    const result = await payAtScale(env, 2000);
    expect(result).toEqual({ created: 2000, invoices: 1, notified: 2000 });
    const { data } = await env.client.GET('/payouts/', { params: { query: { page_size: 1 } } });
    expect(data.count).toBe(2000);
  });
});

describe('the quickstart', () => {
  it('runs the three guides and reports what happened', async () => {
    const printed: string[] = [];
    const result = await runQuickstart((line) => printed.push(line));
    expect(result.scale.created).toBe(2000);
    expect(result.events).toContain('Employee.verified');
    expect(printed.at(-1)).toMatch(/^done: 2002 payouts/);
  });
});
