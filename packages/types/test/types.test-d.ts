import { describe, expectTypeOf, it } from 'vitest';
import type {
  Employee,
  EmployeeCreate,
  Invoice,
  OperationMap,
  operations,
  Page,
  Payout,
  PayoutCreate,
  PayoutCreateInlineEmployee,
  PricingRequest,
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

  it('rejects none and two', () => {
    // @ts-expect-error: no basis at all
    const none: PayoutCreate = { ...fields };
    // @ts-expect-error: two bases
    const two: PayoutCreate = { ...fields, amount: '1000.00', cost: '1379.91' };
    // @ts-expect-error: two bases on pricing too
    const pricing: PricingRequest = { ...fields, invoiced_amount: '1.00', cost: '1.00' };
    void [none, two, pricing];
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

  it('needs name and country on an employee, and an inline employee is an object', () => {
    // @ts-expect-error: country is required
    const noCountry: EmployeeCreate = { name: 'Albin', email: 'albin@mail.com' };
    const inline: PayoutCreateInlineEmployee = {
      ...fields,
      amount: '1.00',
      employee: { name: 'Albin Lindskog', country: 'SWE', cellphone_number: '+46703000000' },
    };
    // @ts-expect-error: an inline employee is not an id
    const idInline: PayoutCreateInlineEmployee = { ...fields, amount: '1.00' };
    void [noCountry, inline, idInline];
  });
});

describe('expandable fields', () => {
  it('types a payout employee and invoice as id or object', () => {
    expectTypeOf<Payout['employee']>().toEqualTypeOf<string | Employee>();
    expectTypeOf<Payout['invoice']>().toEqualTypeOf<string | Invoice>();
  });

  it('lists expand values as an array of the expandable field names', () => {
    type Expand = NonNullable<NonNullable<operations['retrievePayout']['parameters']['query']>['expand']>;
    expectTypeOf<Expand>().toEqualTypeOf<('employee' | 'invoice')[]>();
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

  it('maps each event to the object it sends', () => {
    expectTypeOf<WebhookPayloads['Employee.verified']>().toEqualTypeOf<Employee>();
    expectTypeOf<WebhookPayloads['Payout.accepted']>().toEqualTypeOf<Payout>();
    expectTypeOf<WebhookPayloads['Invoice.paid']>().toEqualTypeOf<Invoice>();
    expectTypeOf<keyof WebhookPayloads>().toEqualTypeOf<WebhookEventName>();
  });
});

describe('OperationMap', () => {
  type CreatePayout = OperationMap['post']['/payouts/'];
  type RetrievePayout = OperationMap['get']['/payouts/{id}/'];

  it('gives each operation by method and path, its parameters as the generated types', () => {
    expectTypeOf<CreatePayout['operationId']>().toEqualTypeOf<'createPayout'>();
    expectTypeOf<RetrievePayout['path']>().toEqualTypeOf<operations['retrievePayout']['parameters']['path']>();
    expectTypeOf<CreatePayout['path']>().toBeNever();
    expectTypeOf<OperationMap['get']['/payouts/']['queryRequired']>().toEqualTypeOf<false>();
    expectTypeOf<RetrievePayout['expand']>().toEqualTypeOf<'employee' | 'invoice'>();
    expectTypeOf<OperationMap['get']['/employees/']['expand']>().toBeNever();
    expectTypeOf<keyof OperationMap['post']>().toEqualTypeOf<'/integrations/' | '/employees/' | '/payouts/' | '/pricing/' | '/webhooks/'>();
  });

  it('gives the body, whether it is required, and whether an array is accepted', () => {
    expectTypeOf<CreatePayout['body']>().toEqualTypeOf<PayoutCreate | PayoutCreateInlineEmployee | PayoutCreate[]>();
    expectTypeOf<CreatePayout['bodyRequired']>().toEqualTypeOf<true>();
    expectTypeOf<CreatePayout['bulk']>().toEqualTypeOf<true>();
    expectTypeOf<OperationMap['post']['/employees/']['bulk']>().toEqualTypeOf<false>();
    expectTypeOf<RetrievePayout['body']>().toBeNever();
  });

  it('splits the documented responses into 2xx bodies and the others, ranges kept as keys', () => {
    expectTypeOf<CreatePayout['successes']>().toEqualTypeOf<{ 200: Payout[]; 201: Payout }>();
    expectTypeOf<OperationMap['delete']['/payouts/{id}/']['successes']>().toEqualTypeOf<{ 204: undefined }>();
    expectTypeOf<keyof RetrievePayout['errors']>().toEqualTypeOf<301 | 307 | 400 | 401 | 403 | 404 | 429 | '5XX'>();
    expectTypeOf<RetrievePayout['errors'][404]>().toEqualTypeOf<operations['retrievePayout']['responses'][404]['content']['application/json']>();
    expectTypeOf<RetrievePayout['errors'][301]>().toBeUndefined();
  });
});
