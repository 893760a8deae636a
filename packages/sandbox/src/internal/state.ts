/**
 * What every resource's records share. The records themselves live in their resources' tables
 * (`src/resources/<resource>/record.ts`): an account (one API token) owns integrations; each
 * integration owns its own tables, so nothing leaks between integrations. Records point at each
 * other directly (a payout holds its employee record, not an id), so a renamed id (ids are mutable
 * through PATCH/PUT) is seen everywhere at once.
 */
import { touch } from './journal.js';

export interface Account {
  token: string;
  /** IP-whitelisting: when set, requests from any other address are refused with 403. */
  allowedIps?: readonly string[];
}

/** Changes fields of a state record (journaled, so a rolled-back request leaves it as it was). */
export function update<T extends object>(record: T, fields: Partial<T>): T {
  touch(record);
  return Object.assign(record, fields);
}

/** Monotonic sequence shared by all records: creation order, for stable sorting. */
let sequence = 0;
export const nextSeq = (): number => ++sequence;
/** After loading records: new ones are numbered after every loaded one. */
export const seqAtLeast = (seq: number): void => {
  sequence = Math.max(sequence, seq);
};
