import { applyAll, paginate, type Predicate } from '../../internal/listing.js';
import { objectBody, scoped, type Handler, type OperationContext } from '../context.js';
import { findOr404 } from '../table.js';
import { FALLBACK_DUE_DAYS, invoiceStatus, issueInvoice } from './lifecycle.js';
import { INVOICES, type InvoiceRecord } from './record.js';
import { serializeInvoice } from './serialize.js';

const invoicesOf = (context: OperationContext) => scoped(context).data.get(INVOICES);
const lookup = (context: OperationContext): InvoiceRecord => findOr404(invoicesOf(context), context.params.id);

/** `?ordering=`: the field to sort by (`-` for descending); without it, newest first. Unset values sort last. */
function ordered(items: InvoiceRecord[], ordering: string | null): InvoiceRecord[] {
  if (!ordering) return items.sort((a, b) => b.seq - a.seq);
  const descending = ordering.startsWith('-');
  const field = descending ? ordering.slice(1) : ordering;
  const read = (invoice: InvoiceRecord): number | string | null =>
    field === 'paid_at' ? invoice.paidAt : field === 'due_date' ? invoice.dueDate : invoice.createdAt;
  return items.sort((a, b) => {
    const [x, y] = [read(a), read(b)];
    if (x === y) return a.seq - b.seq;
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * (descending ? -1 : 1);
  });
}

/** The equality filters (`billing_type`, `status`); the spec has already refused values outside their enums. */
function filters(query: URLSearchParams): Predicate<InvoiceRecord>[] {
  const billingType = query.get('billing_type');
  const status = query.get('status');
  return [
    ...(billingType ? [(invoice: InvoiceRecord) => invoice.billingType === billingType] : []),
    ...(status ? [(invoice: InvoiceRecord) => invoiceStatus(invoice) === status] : []),
  ];
}

/**
 * Days from issue to due: the payment term's `due_days`. The sandbox's payment term is not
 * modelled here, so Gigapay's fallback applies.
 */
const dueDaysOf = (): number => FALLBACK_DUE_DAYS;

export const invoiceHandlers: Record<string, Handler> = {
  listInvoices(context) {
    const items = applyAll(invoicesOf(context).values(), filters(context.query));
    return { status: 200, body: paginate(ordered(items, context.query.get('ordering')), context.url, serializeInvoice) };
  },

  retrieveInvoice(context) {
    return { status: 200, body: serializeInvoice(lookup(context)) };
  },

  issueInvoice(context) {
    const integration = scoped(context);
    const { due_date: dueDate } = objectBody(context.body);
    const invoice = issueInvoice(context.core, integration, lookup(context), typeof dueDate === 'string' ? dueDate : undefined, dueDaysOf());
    return { status: 200, body: serializeInvoice(invoice) };
  },
};
