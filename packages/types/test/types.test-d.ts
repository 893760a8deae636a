import { describe, expectTypeOf, it } from 'vitest';
import type {
  Employee,
  EmployeeCreate,
  HttpStatus,
  Invoice,
  OperationMap,
  Payrun,
  PayrunEvent,
  RegistrationEvent,
  Registration,
  operations,
  Page,
  Payout,
  PayoutCreate,
  PayoutCreateInlineEmployee,
  PayoutEvent,
  EmployeeEvent,
  PricingRequest,
  EmployeeStatus,
  EventName,
  IntegrationType,
  PayoutStatus,
  PayrunStatus,
  PrepaymentStatus,
  BillingType,
  BatchingInterval,
  Webhook,
  WebhookCreate,
  WebhookEventName,
  WebhookPayloads,
} from '../src/index';

const fields = { currency: 'SEK', description: 'Instagram samarbete', employee: '1847' } as const;

describe('exactly one of amount, invoiced_amount and cost', () => {
  it('accepts each basis alone', () => {
    expectTypeOf({ ...fields, amount: '1000.00' }).toExtend<PayoutCreate>();
    expectTypeOf({ ...fields, invoiced_amount: '1000.00' }).toExtend<PayoutCreate>();
    expectTypeOf({ ...fields, cost: '1000.00' }).toExtend<PayoutCreate>();
  });

  it('rejects none and two, naming the field and what to do', () => {
    // What tsc prints, the same on TypeScript 5.9 and 7.0 (the words are the spec's own, the
    // description of the forbidden field; packages/types/scripts/generate-lib.mjs):
    //   none: "Property 'cost' is missing in type '{ currency: "SEK"; description: "Instagram samarbete"; employee: "1847"; }'
    //          but required in type '{ …; cost: string; }'."
    //   two:  "Types of property 'amount' are incompatible. Type 'string' is not assignable to type
    //          '{ readonly "Leave out: `cost` is the basis (send exactly one of amount, invoiced_amount, cost).": never; }'."
    // @ts-expect-error: no basis at all
    const none: PayoutCreate = { ...fields };
    // @ts-expect-error: two bases
    const two: PayoutCreate = { ...fields, amount: '1000.00', cost: '1379.91' };
    // @ts-expect-error: two bases on pricing too
    const pricing: PricingRequest = { ...fields, invoiced_amount: '1.00', cost: '1.00' };
    void [none, two, pricing];
  });
});

describe('ids you send: a string, or a number as the Gigapay docs send them', () => {
  it('in a body, a path and a relational filter', () => {
    expectTypeOf({ ...fields, employee: 1847, id: 9472, amount: '1.00' }).toExtend<PayoutCreate>();
    type PayoutQuery = NonNullable<operations['listPayouts']['parameters']['query']>;
    expectTypeOf<operations['retrievePayout']['parameters']['path']['id']>().toEqualTypeOf<string | number>();
    expectTypeOf<operations['retrievePricing']['parameters']['path']['id']>().toEqualTypeOf<string | number>();
    expectTypeOf<PayoutQuery['employee']>().toEqualTypeOf<string | number | undefined>();
    expectTypeOf<PayoutQuery['invoice']>().toEqualTypeOf<string | number | undefined>();
    // Answered as strings.
    expectTypeOf<Payout['id']>().toEqualTypeOf<string>();
  });
});

describe('required body fields', () => {
  it('needs currency, description and employee on a payout', () => {
    // @ts-expect-error: description is required
    const noDescription: PayoutCreate = { currency: 'SEK', employee: '1847', amount: '1.00' };
    // @ts-expect-error: employee is required
    const noEmployee: PayoutCreate = { currency: 'SEK', description: 'Gig', amount: '1.00' };
    void [noDescription, noEmployee];
  });

  it('needs name, email and country on an employee, and an inline employee is an object', () => {
    // @ts-expect-error: country is required
    const noCountry: EmployeeCreate = { name: 'Albin', email: 'albin@mail.com' };
    // @ts-expect-error: email is required (since May 2024; a cellphone number alone was enough in 1.x)
    const noEmail: EmployeeCreate = { name: 'Albin', country: 'SWE', cellphone_number: '+46703000000' };
    const inline: PayoutCreateInlineEmployee = {
      ...fields,
      invoiced_amount: '1.00',
      employee: { name: 'Albin Lindskog', email: 'albin@mail.com', country: 'SWE', cellphone_number: '+46703000000' },
    };
    // @ts-expect-error: an inline employee is not an id
    const idInline: PayoutCreateInlineEmployee = { ...fields, amount: '1.00' };
    void [noCountry, noEmail, inline, idInline];
  });

  it('refuses the payout fields today\'s API no longer takes, saying why', () => {
    // @ts-expect-error: country was removed from payouts in 2023
    const country: PayoutCreate = { ...fields, invoiced_amount: '1.00', country: 'SWE' };
    // @ts-expect-error: full_salary_specification is read-only on a payout
    const specification: PayoutCreate = { ...fields, invoiced_amount: '1.00', full_salary_specification: true };
    void [country, specification];
  });
});

describe('expandable fields', () => {
  it('types a payout employee, payrun and deprecated invoice as id or object; the invoice is a Payrun', () => {
    expectTypeOf<Payout['employee']>().toEqualTypeOf<string | Employee>();
    expectTypeOf<Payout['payrun']>().toEqualTypeOf<string | Payrun | undefined>();
    expectTypeOf<Payout['invoice']>().toEqualTypeOf<string | Payrun | undefined>();
    expectTypeOf<Payrun['invoice']>().toEqualTypeOf<string | Invoice | undefined>();
  });

  it('lists expand values per operation as an array of the expandable field names', () => {
    type Expand<Id extends 'retrievePayout' | 'retrievePayrun' | 'retrievePrepayment'> = NonNullable<NonNullable<operations[Id]['parameters']['query']>['expand']>;
    expectTypeOf<Expand<'retrievePayout'>>().toEqualTypeOf<('employee' | 'payrun' | 'invoice')[]>();
    expectTypeOf<Expand<'retrievePayrun'>>().toEqualTypeOf<'invoice'[]>();
    expectTypeOf<Expand<'retrievePrepayment'>>().toEqualTypeOf<'invoice'[]>();
  });
});

describe('timestamp filters', () => {
  type PayoutQuery = NonNullable<operations['listPayouts']['parameters']['query']>;
  type EmployeeQuery = NonNullable<operations['listEmployees']['parameters']['query']>;

  it('give every event timestamp _null, _before and _after', () => {
    // `True`/`False` as the Gigapay docs spell them (Django reads both), or a boolean.
    expectTypeOf<PayoutQuery['accepted_at_null']>().toEqualTypeOf<boolean | 'True' | 'False' | undefined>();
    expectTypeOf<PayoutQuery['created_at_before']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<PayoutQuery['start_at_after']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<EmployeeQuery['verified_at_null']>().toEqualTypeOf<boolean | 'True' | 'False' | undefined>();
  });

  it('only on the fields each list documents', () => {
    // @ts-expect-error: payouts have no claimed_at
    const claimed: PayoutQuery = { claimed_at_null: true };
    // @ts-expect-error: _null takes a boolean
    const text: PayoutQuery = { accepted_at_null: 'yes' };
    void [claimed, text];
  });
});

describe('lists and webhooks', () => {
  it('wraps results in the pagination envelope', () => {
    type List = operations['listPayouts']['responses'][200]['content']['application/json'];
    expectTypeOf<List['results']>().toEqualTypeOf<Payout[]>();
    expectTypeOf<List['next']>().toEqualTypeOf<string | null>();
    expectTypeOf<Page<Payout>['count']>().toEqualTypeOf<number>();
  });

  it('maps each event to the object it sends, with the fields a response marks readonly writable', () => {
    expectTypeOf<WebhookPayloads['Employee.verified']>().toEqualTypeOf<EmployeeEvent>();
    expectTypeOf<WebhookPayloads['Payout.accepted']>().toEqualTypeOf<PayoutEvent>();
    expectTypeOf<WebhookPayloads['Payrun.paid']>().toEqualTypeOf<PayrunEvent>();
    expectTypeOf<WebhookPayloads['Registration.verified']>().toEqualTypeOf<RegistrationEvent>();
    // Invoice.paid was renamed Payrun.paid in July 2025.
    expectTypeOf<WebhookPayloads>().not.toHaveProperty('Invoice.paid');
    expectTypeOf<keyof WebhookPayloads>().toEqualTypeOf<WebhookEventName>();
    // The same fields as the API's objects: only `readonly` differs.
    expectTypeOf<keyof PayoutEvent>().toEqualTypeOf<keyof Payout>();
    expectTypeOf<keyof EmployeeEvent>().toEqualTypeOf<keyof Employee>();
    expectTypeOf<keyof PayrunEvent>().toEqualTypeOf<keyof Payrun>();
    expectTypeOf<keyof RegistrationEvent>().toEqualTypeOf<keyof Registration>();
    const accepted: PayoutEvent = { ...({} as Payout), accepted_at: '2021-01-01T00:00:00Z' };
    accepted.accepted_at = null; // writable in a payload (a test may build one)
    expectTypeOf<PayoutEvent['accepted_at']>().toEqualTypeOf<string | null>();
  });
});

describe('OperationMap', () => {
  type CreatePayout = OperationMap['post']['/payouts/'];
  type RetrievePayout = OperationMap['get']['/payouts/{id}/'];
  type Entries = { [M in keyof OperationMap]: OperationMap[M][keyof OperationMap[M]] }[keyof OperationMap];
  /** The JSON body of a response of `operations[Id]`, the long way (`undefined`: no content). */
  type Documented<Id extends keyof operations, S> = S extends keyof operations[Id]['responses']
    ? operations[Id]['responses'][S] extends { content: { 'application/json': infer Body } }
      ? Body
      : undefined
    : never;
  type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

  it('gives each operation by method and path, its init as a call gives it', () => {
    expectTypeOf<CreatePayout['operationId']>().toEqualTypeOf<'createPayout'>();
    expectTypeOf<RetrievePayout['init']['params']['path']>().toEqualTypeOf<operations['retrievePayout']['parameters']['path']>();
    // Header parameters are optional (the client sends them), required ones included.
    expectTypeOf<RetrievePayout['init']['params']['header']>().toEqualTypeOf<{ 'Integration-ID'?: string; 'Accept-Language'?: string } | undefined>();
    expectTypeOf<RetrievePayout['initRequired']>().toEqualTypeOf<true>();
    // Params may be left out of a list call, not out of a create (its body is required).
    expectTypeOf<OperationMap['get']['/payouts/']['init']>().toEqualTypeOf<{ params?: NonNullable<OperationMap['get']['/payouts/']['init']['params']> }>();
    expectTypeOf<OperationMap['get']['/payouts/']['initRequired']>().toEqualTypeOf<false>();
    expectTypeOf<CreatePayout['initRequired']>().toEqualTypeOf<true>();
    // `expand` is the call's own (typed by the names it gives), not in `query`.
    expectTypeOf<NonNullable<NonNullable<OperationMap['get']['/payouts/']['init']['params']>['query']>>().not.toHaveProperty('expand');
    expectTypeOf<NonNullable<NonNullable<OperationMap['get']['/payouts/']['init']['params']>['query']>>().toHaveProperty('page');
    expectTypeOf<RetrievePayout['expand']>().toEqualTypeOf<'employee' | 'payrun' | 'invoice'>();
    expectTypeOf<OperationMap['get']['/employees/']['expand']>().toBeNever();
    expectTypeOf<keyof OperationMap['post']>().toEqualTypeOf<
      | '/registrations/'
      | '/registrations/{id}/approve/'
      | '/employees/'
      | '/messages/'
      | '/payouts/'
      | '/pricing/'
      | '/payruns/{id}/close/'
      | '/invoices/{id}/issue/'
      | '/prepayments/'
      | '/webhooks/'
    >();
  });

  it('gives the body, whether it is required, and whether an array is accepted', () => {
    expectTypeOf<CreatePayout['body']>().toEqualTypeOf<PayoutCreate | PayoutCreateInlineEmployee | PayoutCreate[]>();
    expectTypeOf<CreatePayout['bodyRequired']>().toEqualTypeOf<true>();
    expectTypeOf<CreatePayout['bulk']>().toEqualTypeOf<true>();
    expectTypeOf<OperationMap['post']['/employees/']['bulk']>().toEqualTypeOf<false>();
    expectTypeOf<RetrievePayout['body']>().toBeNever();
  });

  it('splits the 2xx bodies by single and bulk call, and says which have expandable fields', () => {
    expectTypeOf<CreatePayout['successes']>().toEqualTypeOf<{ 201: Payout }>();
    expectTypeOf<CreatePayout['bulkSuccesses']>().toEqualTypeOf<{ 200: Payout[] }>();
    expectTypeOf<OperationMap['delete']['/payouts/{id}/']['successes']>().toEqualTypeOf<{ 204: undefined }>();
    expectTypeOf<RetrievePayout['hasExpandableFields']>().toEqualTypeOf<true>();
    expectTypeOf<OperationMap['get']['/employees/{id}/']['hasExpandableFields']>().toEqualTypeOf<false>();
  });

  it('gives each error response the statuses it stands for, and the statuses left undocumented', () => {
    expectTypeOf<keyof RetrievePayout['errors']>().toEqualTypeOf<301 | 307 | 400 | 401 | 403 | 404 | 414 | 429 | 431 | '5XX'>();
    expectTypeOf<RetrievePayout['errors'][404]>().toEqualTypeOf<{ status: 404; body: { detail: string } }>();
    expectTypeOf<RetrievePayout['errors'][301]['body']>().toBeUndefined();
    expectTypeOf<RetrievePayout['errors']['5XX']['status']>().toEqualTypeOf<500 | 501 | 502 | 503 | 504 | 505 | 506 | 507 | 508 | 510 | 511>();
    expectTypeOf<RetrievePayout['undocumented']>().toEqualTypeOf<Exclude<HttpStatus, 200 | 301 | 307 | 400 | 401 | 403 | 404 | 414 | 429 | 431 | RetrievePayout['errors']['5XX']['status']>>();
    expectTypeOf<409 extends RetrievePayout['undocumented'] ? true : false>().toEqualTypeOf<true>();
  });

  it('takes every body the short way to the same type as the long way', () => {
    // Each shortcut (`components["schemas"]["Payout"]`, …) against `operations[id]["responses"][status]`.
    type Mismatches = Entries extends infer E
      ? E extends { operationId: keyof operations; successes: object; bulkSuccesses: object; errors: object }
        ?
            | { [S in keyof E['successes']]: Same<E['successes'][S], Exclude<Documented<E['operationId'], S>, unknown[]>> extends true ? never : [E['operationId'], S] }[keyof E['successes']]
            | { [S in keyof E['bulkSuccesses']]: Same<E['bulkSuccesses'][S], Extract<Documented<E['operationId'], S>, unknown[]>> extends true ? never : [E['operationId'], S] }[keyof E['bulkSuccesses']]
            | { [S in keyof E['errors']]: E['errors'][S] extends { body: infer Body } ? (Same<Body, Documented<E['operationId'], S>> extends true ? never : [E['operationId'], S]) : never }[keyof E['errors']]
        : never
      : never;
    expectTypeOf<Mismatches>().toBeNever();
  });
});

describe('open response enums (the spec\'s "Forward compatibility")', () => {
  it('accept a value Gigapay adds tomorrow, in a status, a billing type and an event name', () => {
    expectTypeOf<'on_hold'>().toExtend<PayrunStatus>();
    expectTypeOf<'blocked'>().toExtend<EmployeeStatus>();
    expectTypeOf<'returned'>().toExtend<PayoutStatus>();
    expectTypeOf<'REFUNDED'>().toExtend<PrepaymentStatus>();
    expectTypeOf<'refund'>().toExtend<BillingType>();
    expectTypeOf<'daily'>().toExtend<BatchingInterval>();
    expectTypeOf<'Prepayment.paid'>().toExtend<EventName>();
    expectTypeOf<4>().toExtend<IntegrationType>();
    const payrun: Payrun['latest_status'] = 'on_hold';
    const events: Webhook['events'] = ['Payout.accepted', 'Prepayment.paid'];
    void [payrun, events];
  });

  it('keep the known values as literals, so that editors complete them and a switch narrows them', () => {
    // Not collapsed to `string`: the literal union is still there, beside `string & {}`.
    expectTypeOf<Extract<PayrunStatus, 'open' | 'invoiced' | 'paid'>>().toEqualTypeOf<'open' | 'invoiced' | 'paid'>();
    expectTypeOf<PayrunStatus>().not.toEqualTypeOf<string>();
    expectTypeOf<Extract<EmployeeStatus, 'country_mismatch'>>().toEqualTypeOf<'country_mismatch'>();
    expectTypeOf<Extract<PrepaymentStatus, 'DRAFT'>>().toEqualTypeOf<'DRAFT'>();
    expectTypeOf<Extract<EventName, WebhookEventName>>().toEqualTypeOf<WebhookEventName>();
    expectTypeOf<EventName>().not.toEqualTypeOf<string>();
    expectTypeOf<Extract<IntegrationType, 1 | 2 | 3>>().toEqualTypeOf<1 | 2 | 3>();
  });

  it('stay closed where you send them: the events of a webhook create', () => {
    // @ts-expect-error: an event name you send must be one of the 11 known
    const unknown: WebhookCreate = { url: 'https://example.com/hook/', events: ['Prepayment.paid'] };
    // @ts-expect-error: a 1.x event name is refused, it is Payrun.created now
    const renamed: WebhookCreate = { url: 'https://example.com/hook/', events: ['Invoice.created'] };
    expectTypeOf<WebhookCreate['events'][number]>().toEqualTypeOf<WebhookEventName>();
    void [unknown, renamed];
  });
});
