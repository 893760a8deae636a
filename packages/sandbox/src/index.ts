/**
 * @gigapay/sandbox: a local, stateful Gigapay v2 API that validates every request and response
 * against the bundled OpenAPI spec.
 */
export { startSandbox, createSandbox } from './sandbox.js';
export type { Sandbox, ListeningSandbox, SandboxOptions, SandboxControl, RequestLogEntry, DeliveryLogEntry } from './sandbox.js';
export type { FaultConfig, FaultKind, InjectedFault } from './internal/faults.js';
export type { Delivery, DeliveryAttempt, DeliveryOptions } from './internal/webhook-delivery.js';
export type { Credentials } from './internal/core.js';
export { priceFrom, formatMoney, parseMoney, type Breakdown, type AmountBasis } from './internal/pricing.js';
export { DroppedConnection } from './internal/app.js';
export { bundledSpec } from './generated/openapi.js';
export { StateFileError } from './internal/state-file.js';
