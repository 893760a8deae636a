import { listed, paginate, type Listing, type Predicate } from '../../internal/listing.js';
import type { RecordStore } from '../../internal/record-store.js';
import { objectBody, scoped, type Handler, type OperationContext } from '../context.js';
import type { IntegrationRecord } from '../integrations/record.js';
import { paymentTermOf } from '../payment-term/index.js';
import { findOr404 } from '../table.js';
import { FALLBACK_DUE_DAYS, invoiceStatus, issueInvoice } from './lifecycle.js';
import { INVOICES, type InvoiceRecord } from './record.js';
import { serializeInvoice } from './serialize.js';

const invoicesOf = (context: OperationContext) => scoped(context).data.get(INVOICES);
const lookup = (context: OperationContext): InvoiceRecord => findOr404(invoicesOf(context), context.params.id);

/**
 * `?ordering=`: the field to sort by (`-` for descending), the matches sorted; without it, newest
 * first, walked in the store's order (a page costs its own size). Unset values sort last.
 */
function ordered(store: RecordStore<InvoiceRecord>, predicates: Predicate<InvoiceRecord>[], ordering: string | null): Listing<InvoiceRecord> | InvoiceRecord[] {
  if (!ordering) return listed(store, 'newest', predicates);
  const items = [...listed(store, 'oldest', predicates).items];
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

/** Days from issue to due: the payment term's `due_days`, else Gigapay's fallback. */
const dueDaysOf = (integration: IntegrationRecord): number => paymentTermOf(integration).due_days || FALLBACK_DUE_DAYS;

export const invoiceHandlers: Record<string, Handler> = {
  listInvoices(context) {
    return { status: 200, body: paginate(ordered(invoicesOf(context), filters(context.query), context.query.get('ordering')), context.url, serializeInvoice) };
  },

  retrieveInvoice(context) {
    return { status: 200, body: serializeInvoice(lookup(context)) };
  },

  issueInvoice(context) {
    const integration = scoped(context);
    const { due_date: dueDate } = objectBody(context.body);
    const invoice = issueInvoice(context.core, integration, lookup(context), typeof dueDate === 'string' ? dueDate : undefined, dueDaysOf(integration));
    return { status: 200, body: serializeInvoice(invoice) };
  },
};
