import { formatOptionalTimestamp, formatTimestamp } from '../../internal/clock.js';
import { formatMoney } from '../../internal/pricing.js';
import { serializeInvoice } from '../invoices/serialize.js';
import { payrunStatus } from './status.js';
import { paidAtOf, type PayrunRecord } from './record.js';

/** A payrun; `invoice` (its billing invoice's id, or the invoice with `expand=invoice`) once it has one. */
export function serializePayrun(record: PayrunRecord, language = 'en', expand: ReadonlySet<string> = new Set()) {
  return {
    id: record.id,
    app: `https://app.demo.gigapay.se/i/${record.uuid}/?token=sandbox`,
    created_at: formatTimestamp(record.createdAt),
    currency: record.currency,
    ...(record.invoice === null ? {} : { invoice: expand.has('invoice') ? serializeInvoice(record.invoice) : record.invoice.id }),
    latest_status: payrunStatus(record),
    metadata: record.metadata,
    ocr_number: record.ocrNumber,
    open: record.open,
    paid_at: formatOptionalTimestamp(paidAtOf(record)),
    pdf: `https://api.demo.gigapay.se/invoice/${record.uuid}/?token=sandbox&language=${language}`,
    price: formatMoney(record.costOre),
  };
}
