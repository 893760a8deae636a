import { listed, paginate, timestampFilter } from '../../internal/listing.js';
import { update } from '../../internal/state.js';
import { has, idValue, metadataValue, objectBody, scoped, type Handler, type OperationContext } from '../context.js';
import { PAYOUTS } from '../payouts/record.js';
import { checkIdFree, findOr404, renameRecord } from '../table.js';
import { invoiceLifecycle } from './lifecycle.js';
import { INVOICES, type InvoiceRecord, type InvoiceStore } from './record.js';
import { serializeInvoice } from './serialize.js';

const invoicesOf = (context: OperationContext): InvoiceStore => scoped(context).data.get(INVOICES);
const lookup = (context: OperationContext): InvoiceRecord => findOr404(invoicesOf(context), context.params.id);

const language = (context: OperationContext): string => (context.language.toLowerCase().startsWith('sv') ? 'sv' : 'en');

export const invoiceHandlers: Record<string, Handler> = {
  listInvoices(context) {
    const items = listed(invoicesOf(context), 'newest', [
      ...timestampFilter<InvoiceRecord>(context.query, 'created_at', (i) => i.createdAt),
      ...timestampFilter<InvoiceRecord>(context.query, 'paid_at', (i) => i.paidAt),
    ]);
    return { status: 200, body: paginate(items, context.url, (i) => serializeInvoice(i, language(context))) };
  },

  retrieveInvoice(context) {
    return { status: 200, body: serializeInvoice(lookup(context), language(context)) };
  },

  updateInvoice(context) {
    const invoice = lookup(context);
    const input = objectBody(context.body);
    const id = idValue(input.id);
    checkIdFree(invoicesOf(context), INVOICES.noun, id, invoice);
    if (has(input, 'metadata')) update(invoice, { metadata: metadataValue(input.metadata, invoice.metadata) });
    renameRecord(invoicesOf(context), invoice, id);
    return { status: 200, body: serializeInvoice(invoice, language(context)) };
  },

  /** Deleting an unpaid invoice deletes its payouts with it. */
  deleteInvoice(context) {
    const { data } = scoped(context);
    const invoice = lookup(context);
    invoiceLifecycle.check(invoice, 'delete');
    const payouts = data.get(PAYOUTS);
    for (const payout of payouts.of(invoice)) payouts.delete(payout.id);
    data.get(INVOICES).delete(invoice.id);
    return { status: 204 };
  },
};
