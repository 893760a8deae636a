import { listed, paginate, timestampFilter } from '../../internal/listing.js';
import { update } from '../../internal/state.js';
import { has, idValue, metadataValue, objectBody, scoped, type Handler, type OperationContext } from '../context.js';
import { PAYOUTS } from '../payouts/record.js';
import { checkIdFree, findOr404, renameRecord } from '../table.js';
import { payrunLifecycle } from './lifecycle.js';
import { PAYRUNS, type PayrunRecord, type PayrunStore } from './record.js';
import { serializePayrun } from './serialize.js';

const payrunsOf = (context: OperationContext): PayrunStore => scoped(context).data.get(PAYRUNS);
const lookup = (context: OperationContext): PayrunRecord => findOr404(payrunsOf(context), context.params.id);

const language = (context: OperationContext): string => (context.language.toLowerCase().startsWith('sv') ? 'sv' : 'en');

export const payrunHandlers: Record<string, Handler> = {
  listPayruns(context) {
    const items = listed(payrunsOf(context), 'newest', [
      ...timestampFilter<PayrunRecord>(context.query, 'created_at', (i) => i.createdAt),
      ...timestampFilter<PayrunRecord>(context.query, 'paid_at', (i) => i.paidAt),
    ]);
    return { status: 200, body: paginate(items, context.url, (i) => serializePayrun(i, language(context))) };
  },

  retrievePayrun(context) {
    return { status: 200, body: serializePayrun(lookup(context), language(context)) };
  },

  updatePayrun(context) {
    const payrun = lookup(context);
    const input = objectBody(context.body);
    const id = idValue(input.id);
    checkIdFree(payrunsOf(context), PAYRUNS.noun, id, payrun);
    if (has(input, 'metadata')) update(payrun, { metadata: metadataValue(input.metadata, payrun.metadata) });
    renameRecord(payrunsOf(context), payrun, id);
    return { status: 200, body: serializePayrun(payrun, language(context)) };
  },

  /** Deleting an unpaid payrun deletes its payouts with it. */
  deletePayrun(context) {
    const { data } = scoped(context);
    const payrun = lookup(context);
    payrunLifecycle.check(payrun, 'delete');
    const payouts = data.get(PAYOUTS);
    for (const payout of payouts.of(payrun)) payouts.delete(payout.id);
    data.get(PAYRUNS).delete(payrun.id);
    return { status: 204 };
  },
};
