import { RESEND_WAIT_MICROS } from '../../internal/clock.js';
import { addMessage, nonFieldError, validationError, type ValidationBody } from '../../internal/errors.js';
import { newId } from '../../internal/ids.js';
import { applyAll, expandSet, newestFirst, paginate, relationFilter, searchFilter, timestampFilter, type Predicate } from '../../internal/listing.js';
import { nextSeq, update } from '../../internal/state.js';
import type { SandboxCore } from '../../internal/core.js';
import { scoped, type Handler, type OperationContext } from '../context.js';
import { insertEmployee } from '../employees/handlers.js';
import { EMPLOYEES } from '../employees/record.js';
import type { IntegrationRecord } from '../integrations/record.js';
import { payrunLifecycle, openPayrun } from '../payruns/lifecycle.js';
import { PAYRUNS } from '../payruns/record.js';
import { findOr404, type TableSet } from '../table.js';
import { draftAll, type PayoutDraft } from './drafts.js';
import { PAYOUTS, type PayoutRecord } from './record.js';
import { serializePayout } from './serialize.js';

const lookup = (context: OperationContext): PayoutRecord => findOr404(scoped(context).data.get(PAYOUTS), context.params.id);

/** The filters shared by `GET /payouts/` and `GET /pricing/` (search only on payouts). */
export function payoutFilters(data: TableSet, query: URLSearchParams, withSearch: boolean): Predicate<PayoutRecord>[] {
  return [
    ...relationFilter<PayoutRecord, unknown>(query, 'employee', (id) => data.get(EMPLOYEES).get(id), (p) => p.employee),
    ...relationFilter<PayoutRecord, unknown>(query, 'payrun', (id) => data.get(PAYRUNS).get(id), (p) => p.payrun),
    // Deprecated alias of `payrun` (still a payrun id, never a billing invoice's).
    ...relationFilter<PayoutRecord, unknown>(query, 'invoice', (id) => data.get(PAYRUNS).get(id), (p) => p.payrun),
    ...timestampFilter<PayoutRecord>(query, 'start_at', (p) => p.startAt),
    ...timestampFilter<PayoutRecord>(query, 'end_at', (p) => p.endAt),
    ...timestampFilter<PayoutRecord>(query, 'created_at', (p) => p.createdAt),
    ...timestampFilter<PayoutRecord>(query, 'notified_at', (p) => p.notifiedAt),
    ...timestampFilter<PayoutRecord>(query, 'accepted_at', (p) => p.acceptedAt),
    ...timestampFilter<PayoutRecord>(query, 'canceled_at', (p) => p.canceledAt),
    ...(withSearch
      ? searchFilter<PayoutRecord>(query, (p) => [p.description, p.employee.name, p.employee.cellphone_number, p.employee.email])
      : []),
  ];
}

function insertPayouts(core: SandboxCore, integration: IntegrationRecord, drafts: PayoutDraft[]): PayoutRecord[] {
  // Inline employees are registered first, so that Employee.created precedes Payout.created.
  const employees = drafts.map((draft) => (draft.employee.kind === 'existing' ? draft.employee.record : insertEmployee(core, integration, draft.employee.fields)));
  const payrun = openPayrun(core, integration, drafts[0]!.currency);
  const payouts = drafts.map((draft, index): PayoutRecord => {
    const payout: PayoutRecord = {
      id: draft.id ?? newId(),
      prices: draft.prices,
      currency: draft.currency,
      description: draft.description,
      fullSalarySpecification: draft.fullSalarySpecification,
      employee: employees[index]!,
      payrun,
      metadata: draft.metadata,
      startAt: draft.startAt,
      endAt: draft.endAt,
      createdAt: core.clock.nowMicros(),
      notifiedAt: null,
      acceptedAt: null,
      canceledAt: null,
      lastNotificationAt: null,
      seq: nextSeq(),
    };
    integration.data.get(PAYOUTS).set(payout.id, payout);
    update(payout.employee, { hasHadPayouts: true });
    update(payrun, { costOre: payrun.costOre + payout.prices.cost });
    return payout;
  });
  for (const payout of payouts) core.emit(integration, 'Payout.created', serializePayout(payout, core.clock.peekMicros()));
  return payouts;
}

export const payoutHandlers: Record<string, Handler> = {
  listPayouts(context) {
    const { data } = scoped(context);
    const expand = expandSet(context.query);
    const filters = payoutFilters(data, context.query, true);
    const now = context.core.clock.peekMicros();
    // Unfiltered (the common case), a page costs its own size, not a sort of every payout.
    const payouts = data.get(PAYOUTS);
    const items = filters.length === 0 ? payouts.newest() : newestFirst(applyAll(payouts.values(), filters));
    return { status: 200, body: paginate(items, context.url, (p) => serializePayout(p, now, expand)) };
  },

  createPayout(context) {
    const integration = scoped(context);
    const { data } = integration;
    const expand = expandSet(context.query);
    const bulk = Array.isArray(context.body);
    const items = bulk ? (context.body as unknown[]) : [context.body];

    // One request, one payrun: every item must share the currency, and ids must be unique.
    const seenIds = new Set<string>();
    const firstCurrency = (items[0] as { currency?: unknown } | undefined)?.currency;
    const result = draftAll(data, items, { inlineAllowed: expand.has('employee') }, (draft, _index, errors: ValidationBody) => {
      if (draft.id !== undefined) {
        if (data.get(PAYOUTS).has(draft.id) || seenIds.has(draft.id)) addMessage(errors, 'id', `${PAYOUTS.noun} with this id already exists.`);
        seenIds.add(draft.id);
      }
      if (bulk && draft.currency !== firstCurrency) addMessage(errors, 'currency', 'All payouts of one request go on one payrun and must share its currency.');
    });
    if (!result.ok) throw validationError(bulk ? result.errors : result.errors[0]!);

    const payouts = insertPayouts(context.core, integration, result.drafts);
    const bodies = payouts.map((payout) => serializePayout(payout, context.core.clock.peekMicros(), expand));
    return bulk ? { status: 200, body: bodies } : { status: 201, body: bodies[0] };
  },

  retrievePayout(context) {
    return { status: 200, body: serializePayout(lookup(context), context.core.clock.peekMicros(), expandSet(context.query)) };
  },

  deletePayout(context) {
    const { data } = scoped(context);
    const payout = lookup(context);
    payrunLifecycle.check(payout.payrun, 'removePayout');
    data.get(PAYOUTS).delete(payout.id);
    update(payout.payrun, { costOre: payout.payrun.costOre - payout.prices.cost });
    return { status: 204 };
  },

  resendPayoutNotification(context) {
    const payout = lookup(context);
    const now = context.core.clock.nowMicros();
    // Only the 24-hour wait is documented; the payout's state is no precondition.
    if (payout.lastNotificationAt !== null && now - payout.lastNotificationAt < RESEND_WAIT_MICROS) {
      throw nonFieldError('The notification was sent less than 24 hours ago; wait at least 24 hours between resends.');
    }
    update(payout, { lastNotificationAt: now });
    return { status: 204 };
  },

  // The docs' payout samples send PUT (the endpoint's method before December 2021): the same resend.
  resendPayoutNotificationPut(context) {
    return payoutHandlers.resendPayoutNotification!(context);
  },
};
