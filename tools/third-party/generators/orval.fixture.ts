// Compiled against what `orval --input spec/dist/openapi.json --client fetch` generates, copied
// beside it as fixture.ts. Each `@ts-expect-error` must be used. (orval generates no webhook
// operations; a receiver uses the payload's component schema.)
import type { CreatePayoutBody, PayoutCreate, PayoutEvent } from './api';

const required = { employee: '8472', currency: 'SEK', description: 'Gig' };

// One basis and only the required fields.
export const one: PayoutCreate = { ...required, amount: '100.00' };
export const oneAsBody: CreatePayoutBody = { ...required, invoiced_amount: '100.00' };
// @ts-expect-error two bases: "Type 'string' is not assignable to type 'null | undefined'."
export const two: PayoutCreate = { ...required, amount: '100.00', cost: '140.00' };
// @ts-expect-error no basis: "Property 'cost' is missing in type … but required in type 'AmountBasisOneOfSeven'."
export const none: PayoutCreate = { ...required };
// @ts-expect-error two bases in the operation's body too
export const twoAsBody: CreatePayoutBody = { ...required, amount: '100.00', invoiced_amount: '110.00' };

export const acceptedAt = (payload: PayoutEvent): string | null => payload.accepted_at;
