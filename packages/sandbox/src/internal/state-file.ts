/**
 * The `--state` file: what a restarted sandbox needs to go on where it stopped (accounts, every
 * record of every table, the idempotency keys, the clock), as versioned JSON. It is written
 * atomically (a temporary file in the same directory, then a rename), so a crash mid-write leaves
 * the previous state whole. Not kept: the webhook delivery log and pending deliveries, and fault
 * settings (those come from the options).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Credentials, SandboxCore } from './core.js';
import type { Entry } from './idempotency.js';
import { committedCount as committed } from './journal.js';
import type { Account } from './state.js';
import { dumpRecords, loadRecords, type DumpedRecords } from '../resources/dump.js';
import { integrationsOf } from '../resources/integrations/record.js';

export const STATE_FORMAT_VERSION = 1;

/** The state file cannot be used: the sandbox must not start (never a silent fresh start). */
export class StateFileError extends Error {}

export interface SavedState {
  version: typeof STATE_FORMAT_VERSION;
  defaultCredentials: Credentials;
  accounts: [string, Account][];
  records: DumpedRecords;
  idempotency: [string, Entry][];
  clock: { offsetMicros: number; lastMicros: number };
}

export function captureState(core: SandboxCore): SavedState {
  return {
    version: STATE_FORMAT_VERSION,
    defaultCredentials: core.defaultCredentials,
    accounts: [...core.accounts],
    records: dumpRecords(core),
    idempotency: core.idempotency.dump(),
    clock: core.clock.state,
  };
}

export function restoreState(core: SandboxCore, state: SavedState): void {
  core.accounts.clear();
  for (const [token, account] of state.accounts) core.accounts.set(token, account);
  loadRecords(core, state.records);
  core.idempotency.load(state.idempotency);
  core.clock.restore(state.clock);
  const { token, integrationId } = state.defaultCredentials;
  if (!core.accounts.has(token) || integrationsOf(core).get(integrationId)?.owner.token !== token) throw new Error('its default credentials are not among its accounts');
  core.defaultCredentials = { token, integrationId };
}

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

/** The saved state, or `undefined` when there is no file yet (a fresh start). */
export function readStateFile(path: string): SavedState | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw new StateFileError(`cannot read state file ${path}: ${(error as Error).message}`);
  }
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(`cannot parse state file ${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  const version = (state as { version?: unknown } | null)?.version;
  if (version !== STATE_FORMAT_VERSION) {
    throw new StateFileError(`state file ${path} has format version ${JSON.stringify(version ?? null)}; this sandbox reads version ${STATE_FORMAT_VERSION}`);
  }
  return state as SavedState;
}

/** Writes `state` to a temporary file next to `path`, then renames it over `path`. */
export function writeStateFile(path: string, state: SavedState): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, path);
}

/**
 * Keeps `path` in step with `core`: loads it now (or creates it), then `save()` writes it whenever
 * a transaction committed since the last write, or when `force`d (a control that changed state
 * outside a transaction: reset, a new account, the clock).
 */
export function persistTo(path: string, core: SandboxCore, given: { token?: string; integrationId?: string }) {
  const saved = readStateFile(path);
  if (saved) {
    try {
      restoreState(core, saved);
    } catch (error) {
      throw new StateFileError(`cannot load state file ${path}: ${(error as Error).message}`);
    }
    const { token, integrationId } = core.defaultCredentials;
    if ((given.token !== undefined && given.token !== token) || (given.integrationId !== undefined && given.integrationId !== integrationId)) {
      throw new StateFileError(`state file ${path} belongs to token ${token} and integration ${integrationId}: start without --token/--integration-id, or with another state file`);
    }
  }
  let written = -1;
  const save = (force = false) => {
    if (!force && written === committed()) return;
    written = committed();
    writeStateFile(path, captureState(core));
  };
  save(true);
  return { save };
}
