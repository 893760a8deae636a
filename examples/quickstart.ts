// `npm start`'s quickstart: an embedded sandbox, the three guides against it, and a summary.
import { createGigapayClient } from '@gigapay/client';
import { startSandbox } from '@gigapay/sandbox';
import type { GuideEnv } from './guides/env.js';
import { payAtScale } from './guides/large-scale.js';
import { onboardInAdvance } from './guides/onboarding-in-advance.js';
import { payForTask } from './guides/task-based-compensation.js';

export async function runQuickstart(log: (line: string) => void = console.log) {
  const sandbox = await startSandbox({ port: 0 });
  try {
    log(`sandbox on ${sandbox.url} (token ${sandbox.token.slice(0, 6)}…, Integration-ID ${sandbox.integrationId})`);
    const clientFor = (integrationId: string) => createGigapayClient({ token: sandbox.token, integrationId, server: sandbox.url, throwOnError: true });
    const env: GuideEnv = { client: clientFor(sandbox.integrationId), clientFor, sandbox, log: (line) => log(`  ${line}`) };

    log('1. Task-based compensation');
    const task = await payForTask(env);
    log('2. Onboarding in advance');
    const onboarding = await onboardInAdvance(env);
    log('3. Large scale');
    const scale = await payAtScale(env);

    await sandbox.control.waitForDeliveries();
    const events = sandbox.control.deliveries().map((d) => d.event);
    log(`done: ${2 + scale.created} payouts (${task.id}, ${onboarding.payout.id}, ${scale.created} in bulk on payrun ${scale.paid}, paid), webhook events delivered: ${[...new Set(events)].join(', ') || 'none'}`);
    return { task, onboarding, scale, events };
  } finally {
    await sandbox.close();
  }
}

// Run directly (`tsx quickstart.ts`), not when imported by the tests.
if (import.meta.url === `file://${process.argv[1]}`) {
  await runQuickstart();
}
