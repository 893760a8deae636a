// orval (fetch client) writes api.ts. It generates no webhook operations: a receiver uses the
// payload's component schema.
export type { CreatePayoutBody, PayoutCreate, PayoutEvent as PayoutAccepted, PayrunStatus, WebhookCreate } from './api';
