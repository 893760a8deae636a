// @hey-api/openapi-ts (default plugins) writes types.gen.ts; a webhook payload is the writable
// form of its schema, so `accepted_at` survives only if the schema does not mark it readOnly.
export type { PayoutAcceptedWebhookPayload as PayoutAccepted, PayoutCreate, PayrunStatus, WebhookCreate } from './types.gen';
import type { CreatePayoutData } from './types.gen';

export type CreatePayoutBody = CreatePayoutData['body'];
