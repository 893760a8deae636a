import { formatOptionalTimestamp, formatTimestamp } from '../../internal/clock.js';
import { formatMoney } from '../../internal/pricing.js';
import { serializeEmployee } from '../employees/serialize.js';
import { serializePayrun } from '../payruns/serialize.js';
import type { PayoutRecord } from './record.js';
import { payoutStatus } from './status.js';

/** A payout as the API shows it at sandbox time `now` (its `latest_status` depends on it). */
export function serializePayout(record: PayoutRecord, now: number, expand: ReadonlySet<string> = new Set()) {
  return {
    id: record.id,
    amount: formatMoney(record.prices.amount),
    invoiced_amount: formatMoney(record.prices.invoicedAmount),
    cost: formatMoney(record.prices.cost),
    currency: record.currency,
    description: record.description,
    full_salary_specification: record.fullSalarySpecification,
    employee: expand.has('employee') ? serializeEmployee(record.employee) : record.employee.id,
    payrun: expand.has('payrun') ? serializePayrun(record.payrun) : record.payrun.id,
    // Deprecated alias of `payrun`: the same Payrun id (expanded to the Payrun with `expand=invoice`).
    invoice: expand.has('invoice') ? serializePayrun(record.payrun) : record.payrun.id,
    latest_status: payoutStatus(record, now),
    metadata: record.metadata,
    start_at: formatOptionalTimestamp(record.startAt),
    end_at: formatOptionalTimestamp(record.endAt),
    created_at: formatTimestamp(record.createdAt),
    notified_at: formatOptionalTimestamp(record.notifiedAt),
    accepted_at: formatOptionalTimestamp(record.acceptedAt),
    canceled_at: formatOptionalTimestamp(record.canceledAt),
  };
}
