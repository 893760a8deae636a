// openapi-typescript (default options) writes schema.d.ts: paths, webhooks and components.
import type { components, paths, webhooks } from './schema';

export type PayoutCreate = components['schemas']['PayoutCreate'];
export type CreatePayoutBody = paths['/payouts/']['post']['requestBody']['content']['application/json'];
export type PayoutAccepted = webhooks['Payout.accepted']['post']['requestBody']['content']['application/json'];
export type PayrunStatus = components['schemas']['PayrunStatus'];
export type WebhookCreate = components['schemas']['WebhookCreate'];
