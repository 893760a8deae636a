import { RecordStore } from '../../internal/record-store.js';
import type { Breakdown } from '../../internal/pricing.js';
import { EMPLOYEES, type EmployeeRecord } from '../employees/record.js';
import { INVOICES, type InvoiceRecord } from '../invoices/record.js';
import { findOr404, type TableDef } from '../table.js';

/** A payout points at its employee and invoice records (not ids), so a renamed id is seen at once. */
export interface PayoutRecord {
  id: string;
  prices: Breakdown;
  currency: string;
  description: string;
  country: string | undefined;
  fullSalarySpecification: boolean;
  employee: EmployeeRecord;
  invoice: InvoiceRecord;
  metadata: Record<string, unknown>;
  startAt: number | null;
  endAt: number | null;
  createdAt: number;
  notifiedAt: number | null;
  acceptedAt: number | null;
  lastNotificationAt: number | null;
  seq: number;
}

export class PayoutStore extends RecordStore<PayoutRecord> {
  private readonly byInvoice = this.index((payout) => [payout.invoice]);
  private readonly byEmployee = this.index((payout) => [payout.employee]);

  /** The payouts of `invoice`, oldest first. */
  of(invoice: InvoiceRecord): PayoutRecord[] {
    return this.byInvoice.get(invoice).sort((a, b) => a.seq - b.seq);
  }

  /** The payouts of `employee`, oldest first. */
  to(employee: EmployeeRecord): PayoutRecord[] {
    return this.byEmployee.get(employee).sort((a, b) => a.seq - b.seq);
  }
}

export const PAYOUTS: TableDef<PayoutRecord, PayoutStore> = {
  name: 'payouts',
  scope: 'integration',
  noun: 'payout',
  create: () => new PayoutStore(),
  dump: ({ employee, invoice, ...fields }) => ({ ...fields, employee: employee.id, invoice: invoice.id }),
  // Employees and invoices are loaded first (the registry lists them before payouts).
  load: (raw, { tables }) => ({
    ...(raw as unknown as PayoutRecord),
    employee: findOr404(tables.get(EMPLOYEES), String(raw.employee)),
    invoice: findOr404(tables.get(INVOICES), String(raw.invoice)),
  }),
};
