// Compiled against what `openapi-ts -i spec/dist/openapi.json` (@hey-api/openapi-ts, default
// plugins) generates, copied beside it as fixture.ts. Each `@ts-expect-error` must be used.
import type { CreatePayoutData, PayoutAcceptedWebhookPayload, PayoutCreate } from './types.gen';

type CreatePayoutBody = CreatePayoutData['body'];

const required = { employee: '8472', currency: 'SEK', description: 'Gig' };

// One basis and only the required fields.
export const one: PayoutCreate = { ...required, amount: '100.00' };
export const oneAsBody: CreatePayoutBody = { ...required, cost: '100.00' };
// @ts-expect-error two bases: "Type 'string' is not assignable to type 'null | undefined'."
export const two: PayoutCreate = { ...required, amount: '100.00', cost: '140.00' };
// @ts-expect-error no basis: "Property 'cost' is missing in type … but required in type '{ amount?: null; invoiced_amount?: null; cost: Money; }'."
export const none: PayoutCreate = { ...required };
// @ts-expect-error two bases in the operation's body too
export const twoAsBody: CreatePayoutBody = { ...required, amount: '100.00', invoiced_amount: '110.00' };

// hey-api types a webhook payload as the writable form of its schema: `accepted_at` must survive.
export const acceptedAt = (payload: PayoutAcceptedWebhookPayload): string | null => payload.accepted_at;
