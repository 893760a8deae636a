/**
 * Lists and life-cycle steps cost O(page) or O(1) in the number of stored objects (issue 19,
 * point 6), counted rather than timed: every table of the registry that the fixture fills is
 * flooded with FLOOD copies of its records, and each request may hand out at most BUDGET records
 * from the stores (`recordsVisited`: walks, index look-ups and whole-table iteration). A list
 * that sorts or filters the whole table, or a step that scans for "the open payrun", visits
 * thousands and fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledSpec } from '../src/index.js';
import { createApp } from '../src/internal/app.js';
import { createControl } from '../src/internal/control.js';
import { SandboxCore } from '../src/internal/core.js';
import { resolveLimits } from '../src/internal/limits.js';
import { recordsVisited, type RecordStore, type StoredRecord } from '../src/internal/record-store.js';
import { SpecChecks } from '../src/internal/spec-checks.js';
import { nextSeq } from '../src/internal/state.js';
import { ROUTES } from '../src/generated/routes.js';
import { handlers, INTEGRATION_TABLES, SANDBOX_TABLES } from '../src/resources/index.js';
import { integrationsOf } from '../src/resources/integrations/record.js';
import type { AnyTable, TableSet } from '../src/resources/table.js';
import { USER_WEBHOOKS } from '../src/resources/webhooks/record.js';
import { employeeBody, payoutBody, registrationBody } from './helpers.js';

const FLOOD = 2_000;
/** A page of 25, walked, plus the few records a step touches. */
const BUDGET = 60;

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

function sandbox() {
  const core = new SandboxCore();
  const control = createControl(core);
  const app = createApp({ core, control, validator: new SpecChecks(bundledSpec), strict: true, log: () => {}, ignoredFields: () => undefined, limits: resolveLimits(), allowedHosts: [] });
  const { token, integrationId } = core.defaultCredentials;
  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> => {
    const response = await app.fetch(
      new Request(`http://127.0.0.1/v2/${path}`, {
        method,
        headers: { authorization: `Token ${token}`, 'integration-id': integrationId, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const text = await response.text();
    expect(response.status, `${method} ${path}: ${text.slice(0, 300)}`).toBeLessThan(300);
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return { core, control, call, integration: () => integrationsOf(core).get(integrationId)! };
}

/** FLOOD copies of every record of every table in `set` (dumped and loaded back under new ids), `owner` for sandbox-wide ones. */
function flood(core: SandboxCore, set: TableSet, tables: readonly AnyTable[], owner?: string): void {
  for (const table of tables) {
    const store = set.get(table) as RecordStore<StoredRecord>;
    for (const record of [...store.oldest()]) {
      const dumped = JSON.stringify(table.dump(record));
      for (let i = 0; i < FLOOD; i++) {
        const raw = { ...JSON.parse(dumped), id: `${record.id}-copy-${i}`, seq: nextSeq(), ...(owner ? { owner } : {}) };
        store.set(raw.id, table.load(raw, { core, tables: set }));
      }
    }
  }
}

/** Records the stores handed out while `work` ran. */
async function visits(work: () => unknown): Promise<number> {
  const before = recordsVisited();
  await work();
  return recordsVisited() - before;
}

let fixture: ReturnType<typeof sandbox>;

beforeAll(async () => {
  fixture = sandbox();
  const { core, control, call, integration } = fixture;
  const employee = (await call('POST', 'employees/', employeeBody())).body;
  const payout = (await call('POST', 'payouts/', payoutBody(employee.id))).body;
  // Paid, so that the copies of its payrun are closed and a new payout starts a payrun of its own.
  control.payPayrun(payout.payrun);
  // Subscribed to an event the steps below never emit: delivering is O(subscribers), finding them must not be O(webhooks).
  await call('POST', 'webhooks/', { url: 'https://example.com/hook', events: ['Employee.verified'] });
  await call('POST', 'webhooks/', { url: 'https://example.com/user', events: ['Registration.verified'] });
  await call('POST', 'registrations/', registrationBody());
  await call('POST', 'messages/', { employees: [employee.id], content: 'Hello' });
  await call('POST', 'prepayments/', { description: 'Prepaid', net_amount: '100.00', currency: 'SEK' });
  // Sandbox-wide copies belong to another account: an account's list must not scan everyone's.
  const other = core.createAccount().token;
  flood(core, integration().data, INTEGRATION_TABLES);
  flood(core, core.tables, SANDBOX_TABLES, other);
}, 120_000);

describe('O(page) lists', () => {
  const lists = ROUTES.filter((route) => !route.path.includes('{') && route.methods.GET && handlers[route.methods.GET]).map((route) => route.path.slice(1));

  it('the fixture floods the tables the lists read', () => {
    const data = fixture.integration().data;
    for (const table of INTEGRATION_TABLES) {
      const size = data.get(table).size;
      if (size > 0) expect(size, table.name).toBeGreaterThan(FLOOD);
    }
  });

  it.each(lists)('GET /%s visits at most a page, first and second', async (path) => {
    let first: Json;
    expect(await visits(async () => (first = (await fixture.call('GET', path)).body))).toBeLessThanOrEqual(BUDGET);
    if (first.count >= 2) expect(await visits(() => fixture.call('GET', `${path}?page=2&page_size=1`))).toBeLessThanOrEqual(BUDGET);
  });
});

describe('O(1) life-cycle steps', () => {
  it('a payout joins (or starts) the open payrun, which is paid, without a scan', async () => {
    const { call, control } = fixture;
    const employee = (await call('POST', 'employees/', employeeBody())).body;
    for (let round = 0; round < 3; round++) {
      let payout: Json;
      expect(await visits(async () => (payout = (await call('POST', 'payouts/', payoutBody(employee.id))).body))).toBeLessThanOrEqual(BUDGET);
      expect(await visits(async () => (await call('POST', 'payouts/', payoutBody(employee.id))).body)).toBeLessThanOrEqual(BUDGET);
      expect(await visits(() => control.payPayrun(payout.payrun))).toBeLessThanOrEqual(BUDGET);
      expect(await visits(() => call('GET', `payouts/${payout.id}/?expand=payrun`))).toBeLessThanOrEqual(BUDGET);
    }
  });

  it('an inline employee is matched by email, and a payrun deleted with its payouts, without a scan', async () => {
    const { call } = fixture;
    const inline = { name: 'Bo', email: 'bo.scan@example.com', country: 'SWE' };
    expect(await visits(() => call('POST', 'payouts/?expand=employee', payoutBody('x', { employee: inline })))).toBeLessThanOrEqual(BUDGET);
    let payout: Json;
    expect(await visits(async () => (payout = (await call('POST', 'payouts/?expand=employee', payoutBody('x', { employee: inline }))).body))).toBeLessThanOrEqual(BUDGET);
    expect(await visits(() => call('DELETE', `payruns/${payout.payrun}/`))).toBeLessThanOrEqual(BUDGET);
  });
});
