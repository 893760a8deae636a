import { formatOptionalTimestamp, formatTimestamp } from '../../internal/clock.js';
import { formatMoney } from '../../internal/pricing.js';
import { payrunStatus } from './lifecycle.js';
import type { PayrunRecord } from './record.js';

export function serializePayrun(record: PayrunRecord, language = 'en') {
  return {
    id: record.id,
    app: `https://app.demo.gigapay.se/i/${record.uuid}/?token=sandbox`,
    created_at: formatTimestamp(record.createdAt),
    currency: record.currency,
    latest_status: payrunStatus(record),
    metadata: record.metadata,
    ocr_number: record.ocrNumber,
    open: record.open,
    paid_at: formatOptionalTimestamp(record.paidAt),
    pdf: `https://api.demo.gigapay.se/invoice/${record.uuid}/?token=sandbox&language=${language}`,
    price: formatMoney(record.costOre),
  };
}
