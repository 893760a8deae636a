/**
 * Every table of the registry as JSON, and back: for `snapshot()` ("did this request change
 * anything?") and for the `--state` file. Both walk the registry, so a resource's table cannot be
 * left out of either.
 */
import type { SandboxCore } from '../internal/core.js';
import { seqAtLeast } from '../internal/state.js';
import { INTEGRATION_TABLES, SANDBOX_TABLES } from './index.js';
import { integrationsOf } from './integrations/record.js';
import type { AnyTable, StoredRecord, TableSet } from './table.js';

/** A table as `[key, record]` pairs in creation order (a rolled-back delete re-inserts at the end). */
type DumpedTable = [string, unknown][];
type DumpedTables = Record<string, DumpedTable>;

export interface DumpedRecords {
  /** The sandbox-scope tables, by name. */
  tables: DumpedTables;
  /** Each integration's own tables, by the key the integration is stored under. */
  data: Record<string, DumpedTables>;
}

function dumpSet(set: TableSet, defs: readonly AnyTable[]): DumpedTables {
  return Object.fromEntries(
    defs.map((def) => {
      const store: Map<string, StoredRecord> = set.get(def);
      return [def.name, [...store].sort(([, a], [, b]) => a.seq - b.seq).map(([key, record]) => [key, def.dump(record)])];
    }),
  );
}

export function dumpRecords(core: SandboxCore): DumpedRecords {
  const data: Record<string, DumpedTables> = {};
  for (const [key, integration] of [...integrationsOf(core)].sort(([, a], [, b]) => a.seq - b.seq)) data[key] = dumpSet(integration.data, INTEGRATION_TABLES);
  return { tables: dumpSet(core.tables, SANDBOX_TABLES), data };
}

function loadSet(core: SandboxCore, set: TableSet, defs: readonly AnyTable[], dumped: DumpedTables | undefined): void {
  // In registry order, so a record finds those it points at already loaded. A table missing from
  // the dump (a resource newer than the file) starts empty.
  for (const def of defs) {
    const store: Map<string, StoredRecord> = set.get(def);
    for (const [key, raw] of dumped?.[def.name] ?? []) {
      const record = def.load(raw as Record<string, unknown>, { core, tables: set }) as StoredRecord;
      store.set(key, record);
      seqAtLeast(record.seq);
    }
  }
}

/** Replaces every record of `core` (its accounts already loaded) by those of `dumped`. */
export function loadRecords(core: SandboxCore, dumped: DumpedRecords): void {
  core.tables.clear();
  loadSet(core, core.tables, SANDBOX_TABLES, dumped.tables);
  for (const [key, integration] of integrationsOf(core)) loadSet(core, integration.data, INTEGRATION_TABLES, dumped.data[key]);
}
