import { newId } from '../../internal/ids.js';
import { expandSet, listed, paginate } from '../../internal/listing.js';
import { parseMoney } from '../../internal/pricing.js';
import { nextSeq, update } from '../../internal/state.js';
import { has, metadataValue, objectBody, scoped, type Handler, type OperationContext } from '../context.js';
import { createInvoice } from '../invoices/lifecycle.js';
import { INVOICES } from '../invoices/record.js';
import { findOr404 } from '../table.js';
import { prepaymentLifecycle } from './lifecycle.js';
import { PREPAYMENTS, type PrepaymentRecord } from './record.js';
import { serializePrepayment } from './serialize.js';

const prepaymentsOf = (context: OperationContext) => scoped(context).data.get(PREPAYMENTS);
const lookup = (context: OperationContext): PrepaymentRecord => findOr404(prepaymentsOf(context), context.params.id);
const serialized = (context: OperationContext) => (prepayment: PrepaymentRecord) => serializePrepayment(prepayment, expandSet(context.query));

type Fields = Pick<PrepaymentRecord, 'description' | 'netOre' | 'currency' | 'invoiceMarking' | 'metadata'>;

/**
 * The fields of a PrepaymentCreate or PrepaymentUpdate body that were sent. The spec validator has
 * checked their shapes, and the request checks that `net_amount` is positive and `currency` an
 * active ISO-4217 code.
 */
function sentFields(input: Record<string, unknown>): Partial<Fields> {
  const fields: Partial<Fields> = {};
  if (has(input, 'description')) fields.description = String(input.description);
  if (has(input, 'net_amount')) fields.netOre = parseMoney(String(input.net_amount));
  if (has(input, 'currency')) fields.currency = String(input.currency);
  if (has(input, 'invoice_marking')) fields.invoiceMarking = String(input.invoice_marking);
  if (has(input, 'metadata')) fields.metadata = metadataValue(input.metadata);
  return fields;
}

/** What the proforma invoice bills, from the prepayment: kept in step while it is a DRAFT (and so a proforma). */
const billed = (fields: Fields) => ({ totalOre: fields.netOre, currency: fields.currency, customerReference: fields.invoiceMarking || null });

export const prepaymentHandlers: Record<string, Handler> = {
  listPrepayments(context) {
    return { status: 200, body: paginate(listed(prepaymentsOf(context), 'oldest'), context.url, serialized(context)) };
  },

  createPrepayment(context) {
    const integration = scoped(context);
    const fields: Fields = { description: '', netOre: 0, currency: '', invoiceMarking: '', metadata: {}, ...sentFields(objectBody(context.body)) };
    const record: PrepaymentRecord = {
      id: newId(),
      ...fields,
      invoice: createInvoice(context.core, integration, { billingType: 'prepayment', ...billed(fields) }),
      createdAt: context.core.clock.nowMicros(),
      usedOre: 0,
      seq: nextSeq(),
    };
    prepaymentsOf(context).set(record.id, record);
    return { status: 201, body: serialized(context)(record) };
  },

  retrievePrepayment(context) {
    return { status: 200, body: serialized(context)(lookup(context)) };
  },

  /** PATCH, only while DRAFT: the fields sent change, the others keep their value. */
  updatePrepayment(context) {
    const prepayment = lookup(context);
    prepaymentLifecycle.check(prepayment, 'update');
    update(prepayment, sentFields(objectBody(context.body)));
    update(prepayment.invoice, billed(prepayment));
    return { status: 200, body: serialized(context)(prepayment) };
  },

  /** Only while DRAFT; its proforma invoice goes with it. */
  deletePrepayment(context) {
    const { data } = scoped(context);
    const prepayment = lookup(context);
    prepaymentLifecycle.check(prepayment, 'delete');
    data.get(PREPAYMENTS).delete(prepayment.id);
    data.get(INVOICES).delete(prepayment.invoice.id);
    return { status: 204 };
  },
};
