/**
 * Types of the Gigapay v2 API, generated from its OpenAPI 3.1 spec (see ./generated/openapi.d.ts).
 * This file only gives the generated schemas friendly names; it has no runtime code.
 */
import type { components, operations, paths, webhooks } from './generated/openapi.js';

export type { components, operations, paths, webhooks };
/** Every operation by method and path, precomputed for fast checking (see ./generated/operation-map.d.ts). */
export type { HttpStatus, OperationMap } from './generated/operation-map.js';

type Schemas = components['schemas'];

/** A schema of the spec by its name, for the ones without a friendly alias below. */
export type Schema<Name extends keyof Schemas> = Schemas[Name];

export type Integration = Schemas['Integration'];
export type IntegrationCreate = Schemas['IntegrationCreate'];
export type IntegrationUpdate = Schemas['IntegrationUpdate'];
export type IntegrationType = Schemas['IntegrationType'];

export type Employee = Schemas['Employee'];
export type EmployeeCreate = Schemas['EmployeeCreate'];
export type EmployeeUpdate = Schemas['EmployeeUpdate'];

export type Payout = Schemas['Payout'];
/** One Payout for a registered Employee: exactly one of `amount`, `invoiced_amount`, `cost`. */
export type PayoutCreate = Schemas['PayoutCreate'];
/** A Payout with its Employee inline, for `POST /payouts/?expand=employee`. */
export type PayoutCreateInlineEmployee = Schemas['PayoutCreateInlineEmployee'];
/** The exactly-one-of rule on `amount`, `invoiced_amount` and `cost`. */
export type AmountBasis = Schemas['AmountBasis'];

export type PricingRequest = Schemas['PricingRequest'];
export type PricingBreakdown = Schemas['PricingBreakdown'];

export type Invoice = Schemas['Invoice'];
export type InvoiceUpdate = Schemas['InvoiceUpdate'];

export type Webhook = Schemas['Webhook'];
export type WebhookCreate = Schemas['WebhookCreate'];
export type WebhookUpdate = Schemas['WebhookUpdate'];
export type WebhookEventName = Schemas['WebhookEventName'];

/** The body of a `400`: field → messages, `non_field_errors`, or a nested error of an inline object. */
export type ValidationError = Schemas['ValidationError'];
/** The body of a bulk `400`: one ValidationError per item, `{}` for the items without problems. */
export type BulkValidationError = Schemas['BulkValidationError'];
/** The body of a `401`, `403`, `404` or `405`. */
export type ErrorDetail = Schemas['ErrorDetail'];

/** The envelope of a list endpoint around its `results`. */
export type Page<Item> = Schemas['Page'] & { results: Item[] };

/** A Payout as an event posts it (`Payout.created`, `.notified`, `.accepted`): every field of `Payout`, none readonly. */
export type PayoutEvent = Schemas['PayoutEvent'];
/** An Employee as an event posts it (`Employee.created`, …): every field of `Employee`, none readonly. */
export type EmployeeEvent = Schemas['EmployeeEvent'];
/** An Invoice as an event posts it (`Invoice.created`, `.paid`): every field of `Invoice`, none readonly. */
export type InvoiceEvent = Schemas['InvoiceEvent'];

/** The object each event POSTs to your webhook URL. */
export type WebhookPayloads = {
  [Event in WebhookEventName]: NonNullable<webhooks[Event]['post']['requestBody']>['content']['application/json'];
};

/** Every operation id of the API. */
export type OperationId = keyof operations;
