import { formatOptionalTimestamp, formatTimestamp } from '../../internal/clock.js';
import { formatMoney } from '../../internal/pricing.js';
import { serializeEmployee } from '../employees/serialize.js';
import { serializePayrun } from '../payruns/serialize.js';
import type { PayoutRecord } from './record.js';

export function serializePayout(record: PayoutRecord, expand: ReadonlySet<string> = new Set()) {
  return {
    id: record.id,
    amount: formatMoney(record.prices.amount),
    invoiced_amount: formatMoney(record.prices.invoicedAmount),
    cost: formatMoney(record.prices.cost),
    ...(record.country === undefined ? {} : { country: record.country }),
    currency: record.currency,
    description: record.description,
    full_salary_specification: record.fullSalarySpecification,
    employee: expand.has('employee') ? serializeEmployee(record.employee) : record.employee.id,
    payrun: expand.has('payrun') ? serializePayrun(record.payrun) : record.payrun.id,
    // Deprecated alias of `payrun`: the same Payrun id (expanded to the Payrun with `expand=invoice`).
    invoice: expand.has('invoice') ? serializePayrun(record.payrun) : record.payrun.id,
    metadata: record.metadata,
    start_at: formatOptionalTimestamp(record.startAt),
    end_at: formatOptionalTimestamp(record.endAt),
    created_at: formatTimestamp(record.createdAt),
    notified_at: formatOptionalTimestamp(record.notifiedAt),
    accepted_at: formatOptionalTimestamp(record.acceptedAt),
  };
}
