/** Records → the JSON objects of the spec. Expandable fields are ids unless expanded. */
import { formatTimestamp } from './clock.js';
import { formatMoney } from './pricing.js';
import type { Breakdown } from './pricing.js';
import type { EmployeeRecord, IntegrationRecord, InvoiceRecord, PayoutRecord, WebhookRecord } from './state.js';

const ts = (micros: number | null): string | null => (micros === null ? null : formatTimestamp(micros));

export function serializeIntegration(record: IntegrationRecord) {
  return {
    id: record.id,
    name: record.name,
    type: record.type,
    logo: record.logo,
    metadata: record.metadata,
    email: record.email,
    recipient: record.recipient,
    address_line_1: record.address_line_1,
    address_line_2: record.address_line_2,
    zip_code: record.zip_code,
    city: record.city,
  };
}

export function serializeEmployee(record: EmployeeRecord) {
  return {
    id: record.id,
    name: record.name,
    email: record.email,
    cellphone_number: record.cellphone_number,
    country: record.country,
    metadata: record.metadata,
    created_at: formatTimestamp(record.createdAt),
    notified_at: ts(record.notifiedAt),
    claimed_at: ts(record.claimedAt),
    verified_at: ts(record.verifiedAt),
  };
}

export function serializeInvoice(record: InvoiceRecord, language = 'en') {
  return {
    id: record.id,
    app: `https://app.demo.gigapay.se/i/${record.uuid}/?token=sandbox`,
    created_at: formatTimestamp(record.createdAt),
    currency: record.currency,
    metadata: record.metadata,
    ocr_number: record.ocrNumber,
    open: record.open,
    paid_at: ts(record.paidAt),
    pdf: `https://api.demo.gigapay.se/invoice/${record.uuid}/?token=sandbox&language=${language}`,
    price: formatMoney(record.costOre),
  };
}

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
    invoice: expand.has('invoice') ? serializeInvoice(record.invoice) : record.invoice.id,
    metadata: record.metadata,
    start_at: ts(record.startAt),
    end_at: ts(record.endAt),
    created_at: formatTimestamp(record.createdAt),
    notified_at: ts(record.notifiedAt),
    accepted_at: ts(record.acceptedAt),
  };
}

export function serializeBreakdown(prices: Breakdown, currency: string) {
  return {
    amount: formatMoney(prices.amount),
    invoiced_amount: formatMoney(prices.invoicedAmount),
    cost: formatMoney(prices.cost),
    currency,
    fee: formatMoney(prices.fee),
    health_insurance: null,
    payroll: formatMoney(prices.payroll),
    pension: null,
    tax: formatMoney(prices.tax),
    vat: formatMoney(prices.vat),
  };
}

export function serializeWebhook(record: WebhookRecord) {
  return {
    id: record.id,
    url: record.url,
    events: record.events,
    secret_key: record.secret_key,
    metadata: record.metadata,
  };
}
