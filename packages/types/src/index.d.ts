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

export type Registration = Schemas['Registration'];
export type RegistrationCreate = Schemas['RegistrationCreate'];
export type RegistrationUpdate = Schemas['RegistrationUpdate'];

export type Integration = Schemas['Integration'];
/** The body of `PUT /integrations/{id}/` (`IntegrationCreate` in 1.x: `POST /integrations/` is gone). */
export type IntegrationReplace = Schemas['IntegrationReplace'];
export type IntegrationUpdate = Schemas['IntegrationUpdate'];
/** Open: the known types or any other number. */
export type IntegrationType = Schemas['IntegrationType'];

export type Employee = Schemas['Employee'];
export type EmployeeCreate = Schemas['EmployeeCreate'];
export type EmployeeUpdate = Schemas['EmployeeUpdate'];
/** Open: the known statuses or any other string (see the spec's "Forward compatibility"). */
export type EmployeeStatus = Schemas['EmployeeStatus'];

export type Message = Schemas['Message'];
export type MessageCreate = Schemas['MessageCreate'];
export type MessageUpdate = Schemas['MessageUpdate'];

export type Payout = Schemas['Payout'];
/** One Payout for a registered Employee: exactly one of `amount`, `invoiced_amount`, `cost`. */
export type PayoutCreate = Schemas['PayoutCreate'];
/** A Payout with its Employee inline, for `POST /payouts/?expand=employee`. */
export type PayoutCreateInlineEmployee = Schemas['PayoutCreateInlineEmployee'];
/** The exactly-one-of rule on `amount`, `invoiced_amount` and `cost`. */
export type AmountBasis = Schemas['AmountBasis'];
/** Open: the known statuses or any other string. */
export type PayoutStatus = Schemas['PayoutStatus'];

export type PricingRequest = Schemas['PricingRequest'];
export type PricingBreakdown = Schemas['PricingBreakdown'];

/** A Payrun, the group of Payouts paid at once (the 1.x `Invoice`). */
export type Payrun = Schemas['Payrun'];
export type PayrunUpdate = Schemas['PayrunUpdate'];
/** Open: the known statuses or any other string. */
export type PayrunStatus = Schemas['PayrunStatus'];

/** The billing Invoice (since September 2025); **not** the 1.x `Invoice`, which is now `Payrun`. */
export type Invoice = Schemas['Invoice'];
/** The optional body of `POST /invoices/{id}/issue/`. */
export type InvoiceIssue = Schemas['InvoiceIssue'];
/** Open: the known billing types or any other string. */
export type BillingType = Schemas['BillingType'];

export type Prepayment = Schemas['Prepayment'];
export type PrepaymentCreate = Schemas['PrepaymentCreate'];
export type PrepaymentUpdate = Schemas['PrepaymentUpdate'];
/** Open: the known statuses (UPPERCASE) or any other string. */
export type PrepaymentStatus = Schemas['PrepaymentStatus'];

export type PaymentTerm = Schemas['PaymentTerm'];
/** The credit of one currency in the Payment Term. */
export type CreditTerm = Schemas['CreditTerm'];
/** Open: the known intervals or any other string. */
export type BatchingInterval = Schemas['BatchingInterval'];

export type Webhook = Schemas['Webhook'];
export type WebhookCreate = Schemas['WebhookCreate'];
export type WebhookUpdate = Schemas['WebhookUpdate'];
/** An event name as you send it (webhook `events`): the closed list of the 11 events. */
export type WebhookEventName = Schemas['WebhookEventName'];
/** An event name as Gigapay sends it (responses, `Gigapay-Event`): the 11 known or any other string. */
export type EventName = Schemas['EventName'];

/** The body of a `400`: field → messages, `non_field_errors`, or a nested error of an inline object. */
export type ValidationError = Schemas['ValidationError'];
/** The body of a bulk `400`: one ValidationError per item, `{}` for the items without problems. */
export type BulkValidationError = Schemas['BulkValidationError'];
/** The body of a `401`, `403`, `404` or `405`. */
export type ErrorDetail = Schemas['ErrorDetail'];

/** The envelope of a list endpoint around its `results`. */
export type Page<Item> = Schemas['Page'] & { results: Item[] };

/** A Payout as an event posts it (`Payout.created`, `.notified`, `.accepted`, `.canceled`): every field of `Payout`, none readonly. */
export type PayoutEvent = Schemas['PayoutEvent'];
/** An Employee as an event posts it (`Employee.created`, …): every field of `Employee`, none readonly. */
export type EmployeeEvent = Schemas['EmployeeEvent'];
/** A Payrun as an event posts it (`Payrun.created`, `.paid`): every field of `Payrun`, none readonly. */
export type PayrunEvent = Schemas['PayrunEvent'];
/** A Registration as `Registration.verified` posts it: every field of `Registration`, none readonly. */
export type RegistrationEvent = Schemas['RegistrationEvent'];

/** The object each event POSTs to your webhook URL. */
export type WebhookPayloads = {
  [Event in WebhookEventName]: NonNullable<webhooks[Event]['post']['requestBody']>['content']['application/json'];
};

/** Every operation id of the API. */
export type OperationId = keyof operations;
