/**
 * Integrations: each account (token) owns some; every other resource of the API lives inside one
 * (its `integration`-scope tables in `data`). Ids are unique sandbox-wide, so the table is
 * sandbox-scoped and records point at their owner.
 */
import { JournaledMap } from '../../internal/journal.js';
import { nextSeq, type Account } from '../../internal/state.js';
import type { SandboxCore } from '../../internal/core.js';
import type { TableDef, TableSet } from '../table.js';

export type IntegrationType = 1 | 2 | 3;

export interface IntegrationRecord {
  id: string;
  name: string;
  type: IntegrationType;
  logo: string | null;
  metadata: Record<string, unknown>;
  email: string;
  recipient: string;
  address_line_1: string;
  address_line_2: string | null;
  zip_code: string;
  city: string;
  /**
   * Whether it may issue billing invoices (Gigapay's `invoice_enabled`, not a field of the API's
   * Integration): `true` unless a control turned it off; `false` makes `issue` answer 403.
   */
  invoiceEnabled: boolean;
  owner: Account;
  seq: number;
  /** The integration's own records: one table per `integration`-scope table of the registry. */
  data: TableSet;
}

export type IntegrationFields = Omit<IntegrationRecord, 'owner' | 'seq' | 'data'>;

export const INTEGRATIONS: TableDef<IntegrationRecord> = {
  name: 'integrations',
  scope: 'sandbox',
  noun: 'integration',
  create: () => new JournaledMap<string, IntegrationRecord>(),
  // `data` is dumped by the registry, table by table, under the integration.
  dump: ({ owner, data: _data, ...fields }) => ({ ...fields, owner: owner.token }),
  load: (raw, { core }) => {
    const owner = core.accounts.get(String(raw.owner));
    if (!owner) throw new Error(`integration ${String(raw.id)}: unknown owner`);
    return { ...(raw as unknown as IntegrationFields), invoiceEnabled: raw.invoiceEnabled !== false, seq: Number(raw.seq), owner, data: core.newIntegrationData() };
  },
};

export const integrationsOf = (core: SandboxCore): JournaledMap<string, IntegrationRecord> => core.tables.get(INTEGRATIONS);

export function addIntegration(core: SandboxCore, account: Account, fields: Partial<IntegrationFields> & Pick<IntegrationFields, 'id' | 'name' | 'type'>): IntegrationRecord {
  const integrations = integrationsOf(core);
  if (integrations.has(fields.id)) throw new Error(`integration ${fields.id} already exists`);
  const record: IntegrationRecord = {
    logo: null,
    metadata: {},
    email: 'invoices@example.com',
    recipient: 'Sandbox AB',
    address_line_1: 'Sandboxgatan 1',
    address_line_2: null,
    zip_code: '11129',
    city: 'Stockholm',
    invoiceEnabled: true,
    ...fields,
    owner: account,
    seq: nextSeq(),
    data: core.newIntegrationData(),
  };
  integrations.set(record.id, record);
  return record;
}
