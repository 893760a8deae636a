import { formatOptionalTimestamp, formatTimestamp } from '../../internal/clock.js';
import { formatMoney } from '../../internal/pricing.js';
import { totalOf, type InvoiceRecord } from './record.js';

export function serializeInvoice(record: InvoiceRecord) {
  const total = totalOf(record);
  const paid = record.paidAt !== null;
  return {
    id: record.id,
    created_at: formatTimestamp(record.createdAt),
    issued_at: formatOptionalTimestamp(record.issuedAt),
    paid_at: formatOptionalTimestamp(record.paidAt),
    due_date: record.dueDate,
    currency: record.currency,
    total: formatMoney(total),
    // Prepayment usage is not modelled: an unpaid invoice is due in full.
    amount_due: formatMoney(paid ? 0 : total),
    amount_paid: formatMoney(paid ? total : 0),
    invoice_number: record.invoiceNumber,
    customer_reference: record.customerReference,
    billing_type: record.billingType,
    pdf_url: null,
  };
}
