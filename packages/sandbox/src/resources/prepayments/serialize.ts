import { formatOptionalTimestamp, formatTimestamp } from '../../internal/clock.js';
import { formatMoney } from '../../internal/pricing.js';
import { availableOre, statusOf } from './lifecycle.js';
import type { PrepaymentRecord } from './record.js';

export function serializePrepayment(record: PrepaymentRecord) {
  return {
    id: record.id,
    description: record.description,
    net_amount: formatMoney(record.netOre),
    currency: record.currency,
    available_balance: formatMoney(availableOre(record)),
    invoice_marking: record.invoiceMarking,
    status: statusOf(record),
    created_at: formatTimestamp(record.createdAt),
    invoiced_at: formatOptionalTimestamp(record.invoicedAt),
    paid_at: formatOptionalTimestamp(record.paidAt),
    metadata: record.metadata,
    invoice: record.invoiceId,
  };
}
