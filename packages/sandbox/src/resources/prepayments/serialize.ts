import { formatOptionalTimestamp, formatTimestamp } from '../../internal/clock.js';
import { formatMoney } from '../../internal/pricing.js';
import { serializeInvoice } from '../invoices/serialize.js';
import { availableOre, statusOf } from './lifecycle.js';
import type { PrepaymentRecord } from './record.js';

/** With `expand` holding `invoice`, its billing invoice in full instead of its id. */
export function serializePrepayment(record: PrepaymentRecord, expand: ReadonlySet<string> = new Set()) {
  return {
    id: record.id,
    description: record.description,
    net_amount: formatMoney(record.netOre),
    currency: record.currency,
    available_balance: formatMoney(availableOre(record)),
    invoice_marking: record.invoiceMarking,
    status: statusOf(record),
    created_at: formatTimestamp(record.createdAt),
    invoiced_at: formatOptionalTimestamp(record.invoice.issuedAt),
    paid_at: formatOptionalTimestamp(record.invoice.paidAt),
    metadata: record.metadata,
    invoice: expand.has('invoice') ? serializeInvoice(record.invoice) : record.invoice.id,
  };
}
