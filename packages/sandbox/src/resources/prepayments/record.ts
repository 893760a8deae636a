import { RecordStore } from '../../internal/record-store.js';
import { INVOICES, type InvoiceRecord } from '../invoices/record.js';
import { findOr404, type TableDef } from '../table.js';

/**
 * A prepayment: funds paid in advance, billed by its own invoice (`billing_type: prepayment`).
 * Neither its status nor when it was invoiced and paid is stored here: they are its invoice's
 * (issued, paid) and what was used of it (see `lifecycle.ts`), so the two cannot disagree.
 */
export interface PrepaymentRecord {
  id: string;
  description: string;
  /** The net amount, in öre. */
  netOre: number;
  currency: string;
  invoiceMarking: string;
  metadata: Record<string, unknown>;
  /** Its billing invoice, created with it as a proforma (DRAFT samples already carry an invoice id). */
  invoice: InvoiceRecord;
  createdAt: number;
  /** What payruns (the `usePrepayment` control) have drawn from it, in öre. */
  usedOre: number;
  seq: number;
}

export const PREPAYMENTS: TableDef<PrepaymentRecord> = {
  name: 'prepayments',
  scope: 'integration',
  noun: 'prepayment',
  create: () => new RecordStore<PrepaymentRecord>(),
  dump: ({ invoice, ...fields }) => ({ ...fields, invoice: invoice.id }),
  // Invoices are loaded first (the registry lists them before prepayments).
  load: (raw, { tables }) => ({ ...(raw as unknown as PrepaymentRecord), invoice: findOr404(tables.get(INVOICES), String(raw.invoice)) }),
};
