// Compiled against what `openapi-typescript spec/dist/openapi.json` (default options) generates,
// copied beside it as fixture.ts. Each `@ts-expect-error` must be used: an unused one fails tsc.
import type { components, paths, webhooks } from './schema';

type PayoutCreate = components['schemas']['PayoutCreate'];
type CreatePayoutBody = paths['/payouts/']['post']['requestBody']['content']['application/json'];
type PayoutAccepted = webhooks['Payout.accepted']['post']['requestBody']['content']['application/json'];

const required = { employee: '8472', currency: 'SEK', description: 'Gig' };

// One basis and only the required fields (no full_salary_specification, start_at, end_at).
export const one: PayoutCreate = { ...required, amount: '100.00' };
export const oneAsBody: CreatePayoutBody = { ...required, invoiced_amount: '100.00' };
// @ts-expect-error two bases: "Type 'string' is not assignable to type 'null | undefined'." (on `amount`)
export const two: PayoutCreate = { ...required, amount: '100.00', cost: '140.00' };
// @ts-expect-error no basis: "Property 'cost' is missing in type '{ employee: string; currency: string; description: string; }' but required in type …"
export const none: PayoutCreate = { ...required };
// @ts-expect-error two bases in the operation's body too
export const twoAsBody: CreatePayoutBody = { ...required, amount: '100.00', invoiced_amount: '110.00' };

// The webhook payload keeps the timestamp its event is about, and a receiver may build one.
export const acceptedAt = (payload: PayoutAccepted): string | null => payload.accepted_at;
export const markAccepted = (payload: PayoutAccepted): PayoutAccepted => ({ ...payload, accepted_at: '2021-06-01T12:00:00Z' });
