import { fieldError } from '../../internal/errors.js';
import { applyAll, expandSet, newestFirst, paginate, parseBoolean, timestampFilter, type Predicate } from '../../internal/listing.js';
import { update } from '../../internal/state.js';
import { has, idValue, metadataValue, objectBody, scoped, type Handler, type OperationContext } from '../context.js';
import { INVOICES } from '../invoices/record.js';
import { PAYOUTS } from '../payouts/record.js';
import { checkIdFree, findOr404, renameRecord } from '../table.js';
import { closePayrun, payrunLifecycle } from './lifecycle.js';
import { paidAtOf, PAYRUNS, type PayrunRecord, type PayrunStore } from './record.js';
import { serializePayrun } from './serialize.js';

const payrunsOf = (context: OperationContext): PayrunStore => scoped(context).data.get(PAYRUNS);
const lookup = (context: OperationContext): PayrunRecord => findOr404(payrunsOf(context), context.params.id);

const language = (context: OperationContext): string => (context.language.toLowerCase().startsWith('sv') ? 'sv' : 'en');
const serializer = (context: OperationContext) => {
  const expand = expandSet(context.query);
  const lang = language(context);
  return (payrun: PayrunRecord) => serializePayrun(payrun, lang, expand);
};

/** `?open=true` only the open payrun(s), `false` only closed ones. */
function openFilter(query: URLSearchParams): Predicate<PayrunRecord>[] {
  const raw = query.get('open');
  if (raw === null || raw === '') return [];
  const wanted = parseBoolean(raw);
  if (wanted === undefined) throw fieldError('open', 'Must be a valid boolean.');
  return [(payrun) => payrun.open === wanted];
}

export const payrunHandlers: Record<string, Handler> = {
  listPayruns(context) {
    const items = applyAll(payrunsOf(context).values(), [
      ...openFilter(context.query),
      ...timestampFilter<PayrunRecord>(context.query, 'created_at', (p) => p.createdAt),
      ...timestampFilter<PayrunRecord>(context.query, 'paid_at', paidAtOf),
    ]);
    return { status: 200, body: paginate(newestFirst(items), context.url, serializer(context)) };
  },

  retrievePayrun(context) {
    return { status: 200, body: serializer(context)(lookup(context)) };
  },

  updatePayrun(context) {
    const payrun = lookup(context);
    const input = objectBody(context.body);
    const id = idValue(input.id);
    checkIdFree(payrunsOf(context), PAYRUNS.noun, id, payrun);
    if (has(input, 'metadata')) update(payrun, { metadata: metadataValue(input.metadata, payrun.metadata) });
    renameRecord(payrunsOf(context), payrun, id);
    return { status: 200, body: serializer(context)(payrun) };
  },

  closePayrun(context) {
    closePayrun(context.core, scoped(context), lookup(context));
    return { status: 204 };
  },

  /** Deleting an unpaid payrun that is not on credit deletes its payouts, and its proforma invoice, with it. */
  deletePayrun(context) {
    const { data } = scoped(context);
    const payrun = lookup(context);
    payrunLifecycle.check(payrun, 'delete');
    const payouts = data.get(PAYOUTS);
    for (const payout of payouts.of(payrun)) payouts.delete(payout.id);
    if (payrun.invoice) data.get(INVOICES).delete(payrun.invoice.id);
    data.get(PAYRUNS).delete(payrun.id);
    return { status: 204 };
  },
};
