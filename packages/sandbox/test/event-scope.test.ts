/**
 * Events are the spec's (`webhooks` of @gigapay/types) and belong to an integration or to the
 * whole account: a delivery always names its event in `Gigapay-Event`, and names the integration
 * in `Gigapay-Integration-Id` only when the event is an integration's.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxCore } from '../src/internal/core.js';
import { nextSeq } from '../src/internal/state.js';
import { integrationsOf } from '../src/resources/integrations/record.js';
import { USER_WEBHOOKS, WEBHOOKS } from '../src/resources/webhooks/record.js';

describe('scope-aware events', () => {
  const received: { path: string; headers: IncomingHttpHeaders }[] = [];
  const receiver = createServer((request, response) => {
    received.push({ path: request.url!, headers: request.headers });
    request.resume();
    response.end();
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it('delivers an integration event to its webhooks, and an account event to the account webhooks, with their headers', async () => {
    const core = new SandboxCore();
    const account = core.accounts.get(core.defaultCredentials.token)!;
    const integration = integrationsOf(core).get(core.defaultCredentials.integrationId)!;
    const hook = (id: string) => ({ id, url: `${base}/${id}`, events: ['Employee.created'], secret_key: 'secret', metadata: {}, seq: nextSeq() });
    integration.data.get(WEBHOOKS).set('of-integration', hook('of-integration'));
    // No 1.x operation creates a user-scoped webhook: stored directly, as the 2.0 webhooks will store them.
    core.tables.get(USER_WEBHOOKS).set('of-account', { ...hook('of-account'), owner: account });

    core.emit(integration, 'Employee.created', { id: 'e1' });
    core.emit(account, 'Employee.created', { id: 'e2' });
    // A subscription to another event gets nothing.
    core.emit(integration, 'Payout.created', { id: 'p1' });
    await core.deliverer.settle();

    const byPath = Object.fromEntries(received.map((delivery) => [delivery.path, delivery.headers]));
    expect(received).toHaveLength(2);
    expect(byPath['/of-integration']).toMatchObject({ 'gigapay-event': 'Employee.created', 'gigapay-integration-id': integration.id });
    expect(byPath['/of-account']).toMatchObject({ 'gigapay-event': 'Employee.created' });
    expect(byPath['/of-account']).not.toHaveProperty('gigapay-integration-id');
    expect(core.deliverer.log.entries().map((delivery) => delivery.integrationId).sort()).toEqual([integration.id, null].sort());
  });

  it('takes only the events the spec documents', () => {
    const core = new SandboxCore();
    const integration = integrationsOf(core).get(core.defaultCredentials.integrationId)!;
    // @ts-expect-error -- not an event of the spec
    core.emit(integration, 'Employee.misspelt', {});
    expect(core.deliverer.log.entries()).toHaveLength(0);
  });
});
