/**
 * A resource's stored records: a table is declared once by its resource (its store, and how a
 * record is dumped to JSON and loaded back) and lives either once per sandbox (`sandbox` scope,
 * such as the integrations themselves) or once per integration (`integration` scope). The
 * registry creates, dumps, loads and counts every table, so none can be forgotten.
 */
import { fieldError, notFound } from '../internal/errors.js';
import { touch, type JournaledMap } from '../internal/journal.js';
import type { SandboxCore } from '../internal/core.js';

/** Every stored record has an id (its key, renamable through PATCH/PUT) and a creation sequence. */
export interface StoredRecord {
  id: string;
  seq: number;
}

/** What a loader can look up: the tables loaded before it (the registry loads in its own order). */
export interface LoadContext {
  core: SandboxCore;
  tables: TableSet;
}

export interface TableDef<R extends StoredRecord = StoredRecord, S extends JournaledMap<string, R> = JournaledMap<string, R>> {
  /** The table's name in snapshots and state files. */
  name: string;
  scope: 'sandbox' | 'integration';
  /** What the 409/400 of a taken id calls the record (`employee with this id already exists.`). */
  noun: string;
  create(): S;
  /** The record as JSON: references to other records by id. */
  dump(record: R): unknown;
  /** The inverse of `dump`. */
  load(raw: Record<string, unknown>, context: LoadContext): R;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of tables of different record types
export type AnyTable = TableDef<any, any>;

/** The tables of one scope, each created from its definition. */
export class TableSet {
  private readonly stores = new Map<AnyTable, JournaledMap<string, StoredRecord>>();

  constructor(defs: readonly AnyTable[]) {
    for (const def of defs) this.stores.set(def, def.create() as JournaledMap<string, StoredRecord>);
  }

  get<R extends StoredRecord, S extends JournaledMap<string, R>>(def: TableDef<R, S>): S {
    const store = this.stores.get(def);
    if (!store) throw new Error(`table ${def.name} is not in the registry`);
    return store as unknown as S;
  }

  /** Forgets every record (a reset sandbox). */
  clear(): void {
    for (const store of this.stores.values()) store.clear();
  }

  get isEmpty(): boolean {
    for (const store of this.stores.values()) if (store.size > 0) return false;
    return true;
  }
}

/** The record stored under `id` (and `visible` to the caller, when given), or the API's 404. */
export function findOr404<R>(store: ReadonlyMap<string, R>, id: string | undefined, visible: (record: R) => boolean = () => true): R {
  const record = id === undefined ? undefined : store.get(id);
  if (record === undefined || !visible(record)) throw notFound();
  return record;
}

/** Refuses an `id` already taken by another record of the table (a 400 on `id`, as DRF words it). */
export function checkIdFree(store: ReadonlyMap<string, unknown>, noun: string, id: string | undefined, current?: { id: string }): void {
  if (id !== undefined && id !== current?.id && store.has(id)) throw fieldError('id', `${noun} with this id already exists.`);
}

/** Renames a record (ids are mutable through PATCH/PUT): the new id, and the record re-keyed under it. */
export function renameRecord<R extends { id: string }>(store: Map<string, R>, record: R, id: string | undefined): void {
  if (id === undefined || id === record.id) return;
  store.delete(record.id);
  touch(record);
  record.id = id;
  store.set(id, record);
}
