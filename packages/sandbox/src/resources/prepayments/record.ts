import { JournaledMap } from '../../internal/journal.js';
import type { TableDef } from '../table.js';

/**
 * A prepayment: funds paid in advance. Its status is not stored: it follows from when it was
 * invoiced and paid and how much of it was used (see `lifecycle.ts`), so it cannot disagree with them.
 */
export interface PrepaymentRecord {
  id: string;
  description: string;
  /** The net amount, in öre. */
  netOre: number;
  currency: string;
  invoiceMarking: string;
  metadata: Record<string, unknown>;
  /** Its billing invoice's id (DRAFT samples already carry one). */
  invoiceId: string;
  createdAt: number;
  invoicedAt: number | null;
  paidAt: number | null;
  /** What payruns (the `usePrepayment` control) have drawn from it, in öre. */
  usedOre: number;
  seq: number;
}

export const PREPAYMENTS: TableDef<PrepaymentRecord> = {
  name: 'prepayments',
  scope: 'integration',
  noun: 'prepayment',
  create: () => new JournaledMap<string, PrepaymentRecord>(),
  dump: (prepayment) => ({ ...prepayment }),
  load: (raw) => ({ ...raw }) as unknown as PrepaymentRecord,
};
