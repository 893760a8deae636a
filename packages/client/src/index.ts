/**
 * @gigapay/client: a typed fetch client for the Gigapay v2 API, built on openapi-fetch.
 * Webhook signatures live in `@gigapay/client/webhooks`.
 */
export { createGigapayClient, LEGACY_SERVERS, SERVERS, type GigapayClientOptions } from './client.js';
export { isErrorOf } from './error-of.js';
export { paginate } from './paginate.js';
export { payrunOf } from './payrun-of.js';
export { createPayoutsInBulk, type BulkItemResult, type BulkOptions, type BulkReport } from './bulk.js';
export {
  AbortError,
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
  CallInit,
  Expand,
  ExpandableField,
  GigapayClient,
  GigapayMethod,
  GigapayResult,
  HttpStatus,
  ListItem,
  ListPath,
  OperationError,
  OperationInfo,
  Operations,
} from './types.js';
export type { CallOptions } from './internal/call-options.js';
export { logTo, type LogHooks, type Logger, type LogLevel, type RequestEvent, type ResponseEvent } from './internal/logger.js';
export type {
  BulkValidationError as BulkValidationErrorBody,
  Employee,
  ErrorDetail,
  EventName,
  Invoice,
  Payout,
  PayoutCreate,
  Payrun,
  Registration,
  WebhookEventName,
} from '@gigapay/types';
