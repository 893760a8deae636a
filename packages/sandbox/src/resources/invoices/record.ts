/**
 * Billing invoices (since September 2025): one read interface over what Gigapay bills, a payrun's
 * invoice first among them. Never created through the API: closing a payrun creates its proforma
 * (`billing_type: payrun`); other resources may create theirs the same way (`createInvoice`).
 */
import { JournaledMap } from '../../internal/journal.js';
import { PAYRUNS, type PayrunRecord } from '../payruns/record.js';
import { findOr404, type TableDef } from '../table.js';

export type BillingType = 'prepayment' | 'payrun' | 'subscription' | 'credit';

export interface InvoiceRecord {
  id: string;
  billingType: BillingType;
  /** The payrun it bills (`billing_type: payrun`): its total is the payrun's price, read live. */
  payrun: PayrunRecord | null;
  /** The total of an invoice that bills no payrun, in öre. */
  totalOre: number;
  currency: string;
  invoiceNumber: string;
  customerReference: string | null;
  createdAt: number;
  /** When the proforma was issued (`POST /invoices/{id}/issue/`), or null. */
  issuedAt: number | null;
  /** The ISO date it is due, set when issued. */
  dueDate: string | null;
  paidAt: number | null;
  seq: number;
}

export const INVOICES: TableDef<InvoiceRecord> = {
  name: 'invoices',
  scope: 'integration',
  noun: 'invoice',
  create: () => new JournaledMap<string, InvoiceRecord>(),
  dump: ({ payrun, ...fields }) => ({ ...fields, payrun: payrun?.id ?? null }),
  // Payruns load first (the registry lists them before invoices); the payrun gets its invoice back.
  load: (raw, { tables }) => {
    const payrun = raw.payrun === null || raw.payrun === undefined ? null : findOr404(tables.get(PAYRUNS), String(raw.payrun));
    const invoice = { ...(raw as unknown as InvoiceRecord), payrun };
    if (payrun) payrun.invoice = invoice;
    return invoice;
  },
};

/** What the invoice bills, in öre. */
export const totalOf = (invoice: InvoiceRecord): number => (invoice.payrun ? invoice.payrun.costOre : invoice.totalOre);
