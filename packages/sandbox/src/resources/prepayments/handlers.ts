import { newId } from '../../internal/ids.js';
import { oldestFirst, paginate } from '../../internal/listing.js';
import { parseMoney } from '../../internal/pricing.js';
import { nextSeq, update } from '../../internal/state.js';
import { has, metadataValue, objectBody, scoped, type Handler, type OperationContext } from '../context.js';
import { findOr404 } from '../table.js';
import { prepaymentLifecycle } from './lifecycle.js';
import { PREPAYMENTS, type PrepaymentRecord } from './record.js';
import { serializePrepayment } from './serialize.js';

const prepaymentsOf = (context: OperationContext) => scoped(context).data.get(PREPAYMENTS);
const lookup = (context: OperationContext): PrepaymentRecord => findOr404(prepaymentsOf(context), context.params.id);

/**
 * The fields of a PrepaymentCreate or PrepaymentUpdate body that were sent. The spec validator has
 * checked their shapes, and the request checks that `net_amount` is positive and `currency` an
 * active ISO-4217 code.
 */
function sentFields(input: Record<string, unknown>): Partial<PrepaymentRecord> {
  const fields: Partial<PrepaymentRecord> = {};
  if (has(input, 'description')) fields.description = String(input.description);
  if (has(input, 'net_amount')) fields.netOre = parseMoney(String(input.net_amount));
  if (has(input, 'currency')) fields.currency = String(input.currency);
  if (has(input, 'invoice_marking')) fields.invoiceMarking = String(input.invoice_marking);
  if (has(input, 'metadata')) fields.metadata = metadataValue(input.metadata);
  return fields;
}

export const prepaymentHandlers: Record<string, Handler> = {
  listPrepayments(context) {
    return { status: 200, body: paginate(oldestFirst([...prepaymentsOf(context).values()]), context.url, serializePrepayment) };
  },

  createPrepayment(context) {
    const record: PrepaymentRecord = {
      id: newId(),
      description: '',
      netOre: 0,
      currency: '',
      invoiceMarking: '',
      metadata: {},
      ...sentFields(objectBody(context.body)),
      invoiceId: newId(),
      createdAt: context.core.clock.nowMicros(),
      invoicedAt: null,
      paidAt: null,
      usedOre: 0,
      seq: nextSeq(),
    };
    prepaymentsOf(context).set(record.id, record);
    return { status: 201, body: serializePrepayment(record) };
  },

  retrievePrepayment(context) {
    return { status: 200, body: serializePrepayment(lookup(context)) };
  },

  /** PATCH, only while DRAFT: the fields sent change, the others keep their value. */
  updatePrepayment(context) {
    const prepayment = lookup(context);
    prepaymentLifecycle.check(prepayment, 'update');
    update(prepayment, sentFields(objectBody(context.body)));
    return { status: 200, body: serializePrepayment(prepayment) };
  },

  deletePrepayment(context) {
    const prepayment = lookup(context);
    prepaymentLifecycle.check(prepayment, 'delete');
    prepaymentsOf(context).delete(prepayment.id);
    return { status: 204 };
  },
};
