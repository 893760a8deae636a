/**
 * @gigapay/client: a typed fetch client for the Gigapay v2 API, built on openapi-fetch.
 * Webhook signatures live in `@gigapay/client/webhooks`.
 */
export { createGigapayClient, SERVERS, type GigapayClientOptions } from './client.js';
export { paginate } from './paginate.js';
export { createPayoutsInBulk, type BulkItemResult, type BulkOptions, type BulkReport } from './bulk.js';
export {
  AuthenticationError,
  ConnectionError,
  createGigapayError,
  GigapayError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  ResponseBodyError,
  ServerError,
  TimeoutError,
  ValidationError,
  type GigapayErrorInit,
  type ValidationErrorBody,
} from './errors.js';
export type {
  ClientPaths,
  Expand,
  ExpandableField,
  GigapayClient,
  GigapayMethod,
  GigapayResult,
  ListItem,
  ListPath,
} from './types.js';
export type {
  BulkValidationError as BulkValidationErrorBody,
  Employee,
  ErrorDetail,
  Invoice,
  Payout,
  PayoutCreate,
  WebhookEventName,
} from '@gigapay/types';
