import { validationError } from '../../internal/errors.js';
import { applyAll, expandSet, newestFirst, paginate } from '../../internal/listing.js';
import { scoped, type Handler } from '../context.js';
import { draftAll } from '../payouts/drafts.js';
import { payoutFilters } from '../payouts/handlers.js';
import { PAYOUTS } from '../payouts/record.js';
import { findOr404 } from '../table.js';
import { serializeBreakdown } from './serialize.js';

/** Pricing calculates and never creates anything: an inline employee is only read, not registered. */
export const pricingHandlers: Record<string, Handler> = {
  listPricing(context) {
    const { data } = scoped(context);
    const filters = payoutFilters(data, context.query, false);
    const payouts = data.get(PAYOUTS);
    const items = filters.length === 0 ? payouts.newest() : newestFirst(applyAll(payouts.values(), filters));
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
    const payout = findOr404(scoped(context).data.get(PAYOUTS), context.params.id);
    return { status: 200, body: serializeBreakdown(payout.prices, payout.currency) };
  },
};
