import { fieldError, nonFieldError, notFound } from '../internal/errors.js';
import { applyAll, newestFirst, paginate, timestampFilter } from '../internal/listing.js';
import { serializeInvoice } from '../internal/serialize.js';
import { rekey, update, type InvoiceRecord } from '../internal/state.js';
import { has, idValue, metadataValue, objectBody, scoped, type Handler, type OperationContext } from './context.js';

/** Invoices are never created through the API: a payout starts one when none is open. */
function lookup(context: OperationContext): InvoiceRecord {
  const invoice = scoped(context).data.invoices.get(context.params.id!);
  if (!invoice) throw notFound();
  return invoice;
}

const language = (context: OperationContext): string => (context.language.toLowerCase().startsWith('sv') ? 'sv' : 'en');

export const invoiceHandlers: Record<string, Handler> = {
  listInvoices(context) {
    const { data } = scoped(context);
    const items = applyAll(data.invoices.values(), [
      ...timestampFilter<InvoiceRecord>(context.query, 'created_at', (i) => i.createdAt),
      ...timestampFilter<InvoiceRecord>(context.query, 'paid_at', (i) => i.paidAt),
    ]);
    return { status: 200, body: paginate(newestFirst(items), context.url, (i) => serializeInvoice(i, language(context))) };
  },

  retrieveInvoice(context) {
    return { status: 200, body: serializeInvoice(lookup(context), language(context)) };
  },

  updateInvoice(context) {
    const { data } = scoped(context);
    const invoice = lookup(context);
    const input = objectBody(context.body);
    const id = idValue(input.id);
    if (id !== undefined && id !== invoice.id && data.invoices.has(id)) throw fieldError('id', 'invoice with this id already exists.');
    const oldId = invoice.id;
    if (id !== undefined) update(invoice, { id });
    if (has(input, 'metadata')) update(invoice, { metadata: metadataValue(input.metadata, invoice.metadata) });
    rekey(data.invoices, oldId, invoice);
    return { status: 200, body: serializeInvoice(invoice, language(context)) };
  },

  /** Deleting an unpaid invoice deletes its payouts with it. */
  deleteInvoice(context) {
    const { data } = scoped(context);
    const invoice = lookup(context);
    if (invoice.paidAt !== null) throw nonFieldError('A paid invoice cannot be deleted.');
    for (const payout of data.payoutsOf(invoice)) data.payouts.delete(payout.id);
    data.invoices.delete(invoice.id);
    return { status: 204 };
  },
};
