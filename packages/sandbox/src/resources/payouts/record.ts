import { RecordStore } from '../../internal/record-store.js';
import type { Breakdown } from '../../internal/pricing.js';
import { EMPLOYEES, type EmployeeRecord } from '../employees/record.js';
import { PAYRUNS, type PayrunRecord } from '../payruns/record.js';
import { findOr404, type TableDef } from '../table.js';

/** A payout points at its employee and payrun records (not ids), so a renamed id is seen at once. */
export interface PayoutRecord {
  id: string;
  prices: Breakdown;
  currency: string;
  description: string;
  fullSalarySpecification: boolean;
  employee: EmployeeRecord;
  payrun: PayrunRecord;
  metadata: Record<string, unknown>;
  startAt: number | null;
  endAt: number | null;
  createdAt: number;
  notifiedAt: number | null;
  acceptedAt: number | null;
  /** Set by the cancel control (the API has no cancel operation); `Payout.canceled`. */
  canceledAt: number | null;
  lastNotificationAt: number | null;
  seq: number;
}

export class PayoutStore extends RecordStore<PayoutRecord> {
  private readonly byPayrun = this.index((payout) => [payout.payrun]);

  /** The payouts of `payrun`, oldest first. */
  of(payrun: PayrunRecord): PayoutRecord[] {
    return this.byPayrun.oldestFirst(payrun);
  }
}

export const PAYOUTS: TableDef<PayoutRecord, PayoutStore> = {
  name: 'payouts',
  scope: 'integration',
  noun: 'payout',
  create: () => new PayoutStore(),
  dump: ({ employee, payrun, ...fields }) => ({ ...fields, employee: employee.id, payrun: payrun.id }),
  // Employees and payruns are loaded first (the registry lists them before payouts).
  load: (raw, { tables }) => ({
    ...(raw as unknown as PayoutRecord),
    canceledAt: typeof raw.canceledAt === 'number' ? raw.canceledAt : null,
    employee: findOr404(tables.get(EMPLOYEES), String(raw.employee)),
    payrun: findOr404(tables.get(PAYRUNS), String(raw.payrun)),
  }),
};
