import { notFound, validationError } from '../internal/errors.js';
import { applyAll, expandSet, newestFirst, paginate } from '../internal/listing.js';
import { serializeBreakdown } from '../internal/serialize.js';
import { scoped, type Handler } from './context.js';
import { draftAll } from './payout-drafts.js';
import { payoutFilters } from './payouts.js';

/** Pricing calculates and never creates anything: an inline employee is only read, not registered. */
export const pricingHandlers: Record<string, Handler> = {
  listPricing(context) {
    const { data } = scoped(context);
    const filters = payoutFilters(data, context.query, false);
    const items = filters.length === 0 ? data.newestPayouts() : newestFirst(applyAll(data.payouts.values(), filters));
    return { status: 200, body: paginate(items, context.url, (p) => serializeBreakdown(p.prices, p.currency)) };
  },

  calculatePricing(context) {
    const { data } = scoped(context);
    const bulk = Array.isArray(context.body);
    const items = bulk ? (context.body as unknown[]) : [context.body];
    const result = draftAll(data, items, { inlineAllowed: expandSet(context.query).has('employee') });
    if (!result.ok) throw validationError(bulk ? result.errors : result.errors[0]!);
    const breakdowns = result.drafts.map((draft) => serializeBreakdown(draft.prices, draft.currency));
    return { status: 200, body: bulk ? breakdowns : breakdowns[0] };
  },

  retrievePricing(context) {
    const payout = scoped(context).data.payouts.get(context.params.id!);
    if (!payout) throw notFound();
    return { status: 200, body: serializeBreakdown(payout.prices, payout.currency) };
  },
};
