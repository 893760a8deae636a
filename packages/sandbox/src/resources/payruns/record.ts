import { JournaledMap } from '../../internal/journal.js';
import type { InvoiceRecord } from '../invoices/record.js';
import type { TableDef } from '../table.js';

/** Payruns are never created through the API: a payout starts one when none is open. */
export interface PayrunRecord {
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
  /** Its billing invoice, created when it closes; whether (and when) it is paid is the invoice's. */
  invoice: InvoiceRecord | null;
  seq: number;
}

/** When the payrun was paid: its invoice's `paid_at` (one source of truth). */
export const paidAtOf = (payrun: PayrunRecord): number | null => payrun.invoice?.paidAt ?? null;

export class PayrunStore extends JournaledMap<string, PayrunRecord> {
  /** The payrun currently collecting payouts in `currency`, if any. */
  openIn(currency: string): PayrunRecord | undefined {
    for (const payrun of this.values()) if (payrun.open && payrun.currency === currency) return payrun;
    return undefined;
  }
}

export const PAYRUNS: TableDef<PayrunRecord, PayrunStore> = {
  name: 'payruns',
  scope: 'integration',
  noun: 'payrun',
  create: () => new PayrunStore(),
  // The invoice is dumped with the invoices, and points back at its payrun when loaded.
  dump: ({ invoice: _invoice, ...payrun }) => ({ ...payrun }),
  load: (raw) => ({ ...raw, invoice: null }) as unknown as PayrunRecord,
};
