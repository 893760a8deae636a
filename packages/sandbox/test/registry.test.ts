/**
 * The registry (`src/resources/index.ts`) is the only list of resources: every table it declares
 * must reach `snapshot()`, the state file's dump and load, and `isEmpty`. This walks the registry,
 * so a table that one of them leaves out fails here, whichever resource it belongs to.
 */
import { describe, expect, it } from 'vitest';
import { bundledSpec } from '../src/index.js';
import { createApp } from '../src/internal/app.js';
import { createControl } from '../src/internal/control.js';
import { SandboxCore } from '../src/internal/core.js';
import { resolveLimits } from '../src/internal/limits.js';
import { SpecChecks } from '../src/internal/spec-checks.js';
import { dumpRecords, loadRecords } from '../src/resources/dump.js';
import { CONTROL_STEPS, handlers, INTEGRATION_TABLES, REGISTRY, SANDBOX_TABLES } from '../src/resources/index.js';
import { integrationsOf } from '../src/resources/integrations/record.js';
import { TableSet } from '../src/resources/table.js';
import { USER_WEBHOOKS } from '../src/resources/webhooks/record.js';
import { nextSeq } from '../src/internal/state.js';
import { employeeBody, payoutBody } from './helpers.js';

/** A sandbox holding at least one record in every table of the registry. */
async function populated() {
  const core = new SandboxCore();
  const control = createControl(core);
  const app = createApp({ core, control, validator: new SpecChecks(bundledSpec), strict: true, log: () => {}, ignoredFields: () => undefined, limits: resolveLimits(), allowedHosts: [] });
  const post = async (path: string, body: unknown) => {
    const response = await app.fetch(
      new Request(`http://127.0.0.1/v2/${path}`, {
        method: 'POST',
        headers: { authorization: `Token ${core.defaultCredentials.token}`, 'integration-id': core.defaultCredentials.integrationId, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return (await response.json()) as { id: string };
  };
  const employee = await post('employees/', employeeBody());
  const payout = (await post('payouts/', payoutBody(employee.id))) as { id: string; payrun: string };
  control.payPayrun(payout.payrun); // closes it: its billing invoice exists
  await post('webhooks/', { url: 'https://example.com/hook', events: ['Payout.created'] });
  // No 1.x operation creates a user-scoped webhook: stored directly, as the 2.0 webhooks will store them.
  const owner = core.accounts.get(core.defaultCredentials.token)!;
  core.tables.get(USER_WEBHOOKS).set('user-hook', { id: 'user-hook', url: 'https://example.com/user', events: [], secret_key: 's', metadata: {}, seq: nextSeq(), owner });
  return { core, control };
}

const tableNames = (tables: readonly { name: string }[]) => tables.map((table) => table.name);

describe('the registry', () => {
  it('lists each resource once, and each operation, table and control step once', () => {
    expect(new Set(REGISTRY.map((resource) => resource.name)).size).toBe(REGISTRY.length);
    const operations = REGISTRY.flatMap((resource) => Object.keys(resource.handlers));
    expect(operations.length).toBe(Object.keys(handlers).length);
    const tables = [...tableNames(SANDBOX_TABLES), ...tableNames(INTEGRATION_TABLES)];
    expect(new Set(tables).size).toBe(tables.length);
    expect(new Set(CONTROL_STEPS.map((step) => step.name)).size).toBe(CONTROL_STEPS.length);
  });

  it('the fixture fills every table (extend `populated()` when a resource adds one)', async () => {
    const { core } = await populated();
    const integration = integrationsOf(core).get(core.defaultCredentials.integrationId)!;
    for (const table of SANDBOX_TABLES) expect(core.tables.get(table).size, table.name).toBeGreaterThan(0);
    for (const table of INTEGRATION_TABLES) expect(integration.data.get(table).size, table.name).toBeGreaterThan(0);
  });

  it('snapshot() holds every record of every table', async () => {
    const { core, control } = await populated();
    const snapshot = JSON.parse(control.snapshot()) as { tables: Record<string, unknown[]>; data: Record<string, Record<string, unknown[]>> };
    for (const table of SANDBOX_TABLES) expect(snapshot.tables[table.name], table.name).toHaveLength(core.tables.get(table).size);
    for (const [key, integration] of integrationsOf(core)) {
      for (const table of INTEGRATION_TABLES) expect(snapshot.data[key]?.[table.name], `${key} ${table.name}`).toHaveLength(integration.data.get(table).size);
    }
  });

  it('what is dumped loads back the same, every table', async () => {
    const { core } = await populated();
    const dumped = JSON.parse(JSON.stringify(dumpRecords(core))) as ReturnType<typeof dumpRecords>;
    const fresh = new SandboxCore();
    fresh.accounts.clear();
    for (const [token, account] of core.accounts) fresh.accounts.set(token, { ...account });
    loadRecords(fresh, dumped);
    expect(dumpRecords(fresh)).toEqual(dumped);
  });

  it('isEmpty is false as long as any one table holds a record', async () => {
    const { core } = await populated();
    const integration = integrationsOf(core).get(core.defaultCredentials.integrationId)!;
    for (const table of INTEGRATION_TABLES) {
      const only = new TableSet(INTEGRATION_TABLES);
      const [key, record] = [...integration.data.get(table)][0]!;
      only.get(table).set(key, record);
      expect(only.isEmpty, table.name).toBe(false);
    }
    expect(new TableSet(INTEGRATION_TABLES).isEmpty).toBe(true);
  });
});
