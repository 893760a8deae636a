// Each guide, run as a program against a real sandbox of today's API, does what the guide promises.
import { createGigapayClient, payrunOf } from '@gigapay/client';
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
  const clientFor = (integrationId: string) => createGigapayClient({ token: sandbox.token, integrationId, server: sandbox.url, throwOnError: true });
  lines.length = 0;
  env = { client: clientFor(sandbox.integrationId), clientFor, sandbox, log: (line) => lines.push(line) };
});
afterEach(() => sandbox.close());

describe('the guides', () => {
  it('task-based compensation pays with an inline employee in one call, reusing the employee next time, both on the open payrun', async () => {
    const first = await payForTask(env);
    const second = await payForTask(env);
    expect(first.employee.name).toBe('Albin Lindskog');
    expect(second.employee.id).toBe(first.employee.id);
    expect(first).toMatchObject({ amount: '1000.00', cost: '1379.91', invoiced_amount: '1314.20' });
    const { data } = await env.client.GET('/employees/');
    expect(data.count).toBe(1);
    const { data: payruns } = await env.client.GET('/payruns/');
    expect(payruns.results.map((payrun) => [payrun.id, payrun.open])).toEqual([[payrunOf(first), true]]);
    expect(payrunOf(second)).toBe(payrunOf(first));
  });

  it('onboarding in advance: the company registers and is approved, then pays by id after a signature-checked Employee.verified webhook', async () => {
    const { integrationId, employee, payout } = await onboardInAdvance(env);
    expect(employee.verified_at).not.toBeNull();
    expect(payout.employee).toBe('user-1847');
    expect(payout.invoiced_amount).toBe('2500.00');
    const deliveries = await sandbox.control.waitForDeliveries({ event: 'Employee.verified' });
    expect(deliveries).toHaveLength(1);
    // Everything happened in the approved company's integration, none of it in the default one.
    const { data: registrations } = await env.client.GET('/registrations/');
    expect(registrations.results.map((registration) => [registration.integration_id, registration.needs_review])).toEqual([[integrationId, false]]);
    expect((await env.clientFor(integrationId).GET('/employees/')).data.count).toBe(1);
    expect((await env.client.GET('/employees/')).data.count).toBe(0);
  });

  it('large scale puts thousands of payouts on one payrun, closes it, and notifies them all once Payrun.paid says it is paid', async () => {
    const result = await payAtScale(env, 2000);
    expect(result).toEqual({ created: 2000, payruns: 1, paid: expect.any(String), notified: 2000 });
    const { data: payrun } = await env.client.GET('/payruns/{id}/', { params: { path: { id: result.paid } } });
    expect(payrun).toMatchObject({ open: false, latest_status: 'paid', paid_at: expect.any(String) });
    const { data } = await env.client.GET('/payouts/', { params: { query: { page_size: 1 } } });
    expect(data.count).toBe(2000);
  });
});

describe('the quickstart', () => {
  it('runs the three guides and reports what happened', async () => {
    const printed: string[] = [];
    const result = await runQuickstart((line) => printed.push(line));
    expect(result.scale.created).toBe(2000);
    expect(result.events).toEqual(expect.arrayContaining(['Employee.verified', 'Payrun.paid']));
    expect(printed.at(-1)).toMatch(/^done: 2002 payouts/);
  });
});
