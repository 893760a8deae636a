import { RecordStore } from '../../internal/record-store.js';
import type { TableDef } from '../table.js';

/** Invoices are never created through the API: a payout starts one when none is open. */
export interface InvoiceRecord {
  id: string;
  /** The sum of its payouts' `cost`, in öre, kept as payouts come and go (its `price`). */
  costOre: number;
  /** Stable secret part of the pdf/app links; survives id changes. */
  uuid: string;
  currency: string;
  metadata: Record<string, unknown>;
  ocrNumber: string;
  open: boolean;
  createdAt: number;
  paidAt: number | null;
  seq: number;
}

export class InvoiceStore extends RecordStore<InvoiceRecord> {
  private readonly openByCurrency = this.index((invoice) => (invoice.open ? [invoice.currency] : []));

  /** The invoice currently collecting payouts in `currency`, if any. */
  openIn(currency: string): InvoiceRecord | undefined {
    return this.openByCurrency.first(currency);
  }
}

export const INVOICES: TableDef<InvoiceRecord, InvoiceStore> = {
  name: 'invoices',
  scope: 'integration',
  noun: 'invoice',
  create: () => new InvoiceStore(),
  dump: (invoice) => ({ ...invoice }),
  load: (raw) => ({ ...raw }) as unknown as InvoiceRecord,
};
