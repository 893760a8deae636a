// Compiled beside each generator's output (as fixture.ts), with that generator's adapter (as
// adapter.ts: the names it gives the payout body, the Payout.accepted payload, a status and the
// webhook create body). Each
// `@ts-expect-error` must be used: an unused one fails tsc (TS2578).
import type { CreatePayoutBody, PayoutAccepted, PayoutCreate, PayrunStatus, WebhookCreate } from './adapter';

const required = { employee: '8472', currency: 'SEK', description: 'Gig' };

// One basis and only the required fields (no full_salary_specification, start_at, end_at).
export const one: PayoutCreate = { ...required, amount: '100.00' };
export const oneAsBody: CreatePayoutBody = { ...required, invoiced_amount: '100.00' };
// @ts-expect-error two bases: "Types of property 'amount' are incompatible. Type 'string' is not assignable to type 'null | undefined'." (orval: 'null')
export const two: PayoutCreate = { ...required, amount: '100.00', cost: '140.00' };
// @ts-expect-error no basis: "Property 'cost' is missing in type '{ employee: string; currency: string; description: string; }' but required in type …"
export const none: PayoutCreate = { ...required };
// @ts-expect-error two bases in the operation's body too
export const twoAsBody: CreatePayoutBody = { ...required, amount: '100.00', invoiced_amount: '110.00' };

// The webhook payload keeps the timestamp its event is about, and a receiver may build one.
export const acceptedAt = (payload: PayoutAccepted): string | null => payload.accepted_at;
export const markAccepted = (payload: PayoutAccepted): PayoutAccepted => ({ ...payload, accepted_at: '2021-06-01T12:00:00Z' });

// `country` is gone from payouts (2023): a body that still sends it is refused.
// @ts-expect-error country: "Type 'string' is not assignable to type 'null | undefined'." (orval: 'null')
export const withCountry: PayoutCreate = { ...required, invoiced_amount: '100.00', country: 'SWE' };

// A response enum is open: the known values and a value Gigapay adds later both type-check.
export const knownStatus: PayrunStatus = 'paid';
export const addedLaterStatus: PayrunStatus = 'on_hold';

// A request enum stays closed: a webhook subscribes to known event names only.
export const subscribe: WebhookCreate = { url: 'https://example.com/hooks/', events: ['Payrun.paid', 'Registration.verified'] };
// @ts-expect-error a 1.x event name: "Type '"Invoice.paid"' is not assignable to type …"
export const renamedEvent: WebhookCreate = { url: 'https://example.com/hooks/', events: ['Invoice.paid'] };
