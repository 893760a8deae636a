/**
 * Type tests of the built client (`@gigapay/client` is this package's own dist/), one block per
 * point of issue 12. Checked by `vitest --typecheck`, and again in a strict consumer with
 * `exactOptionalPropertyTypes` (test/strict-consumer.test.ts). The same calls run against the
 * sandbox in test/sandbox.test.ts.
 */
import type { BulkValidationError, Employee, ErrorDetail, Payout, Payrun, ValidationError as ValidationBody } from '@gigapay/types';
import {
  createGigapayClient,
  isErrorOf,
  logTo,
  NotFoundError,
  ValidationError,
  type Expand,
  type LogHooks,
  type Logger,
  type RequestEvent,
  type ResponseEvent,
  type ValidationErrorBody,
} from '@gigapay/client';
import { receiveWebhook } from '@gigapay/client/webhooks';
import { describe, expectTypeOf, test } from 'vitest';

declare const env: { GIGAPAY_INTEGRATION_ID?: string; GIGAPAY_SERVER?: string; GIGAPAY_LANGUAGE?: string };
const gigapay = createGigapayClient({ token: 'key', integrationId: env.GIGAPAY_INTEGRATION_ID });
const throwing = createGigapayClient({ token: 'key', throwOnError: true });
const payout = { employee: 'e1', currency: 'SEK', description: 'Gig', amount: '100.00' } as const;
const inlineEmployee = { name: 'Åsa', email: 'asa@example.com', country: 'SWE' };

describe('1. results narrowed by status', () => {
  test('status discriminates data and error', async () => {
    const r = await gigapay.GET('/payouts/{id}/', { params: { path: { id: 'p1' } } });
    expectTypeOf(r.status).toExtend<number>();
    if (r.status === 404) expectTypeOf(r.error.detail).toEqualTypeOf<string>();
    else if (r.status === 200) expectTypeOf(r.data.amount).toEqualTypeOf<string>();
    if (r.status === 400) expectTypeOf(r.error).toEqualTypeOf<ValidationBody>();
    if (r.status === 200) expectTypeOf(r.error).toEqualTypeOf<undefined>();
    // An undocumented status (a 409 from a proxy) is the general branch.
    if (r.status === 409) expectTypeOf(r.error).toBeUnknown();
  });

  test('a single create is 201, a bulk one 200', async () => {
    const single = await gigapay.POST('/payouts/', { body: payout });
    if (single.status === 201) expectTypeOf(single.data).toEqualTypeOf<Expand<Payout>>();
    // @ts-expect-error: a single body is never answered 200 (that is the bulk answer)
    if (single.status === 200) single.data;
    const bulk = await gigapay.POST('/payouts/', { body: [payout, payout] });
    if (bulk.status === 200) expectTypeOf(bulk.data).toEqualTypeOf<Expand<Payout>[]>();
    if (bulk.status === 400) expectTypeOf(bulk.error).toEqualTypeOf<ValidationBody | BulkValidationError>();
  });

  test('with throwOnError only the 2xx branches remain', async () => {
    const r = await throwing.DELETE('/payouts/{id}/', { params: { path: { id: 'p1' } } });
    expectTypeOf(r.status).toEqualTypeOf<204>();
    const { data } = await throwing.GET('/payouts/{id}/', { params: { path: { id: 'p1' } } });
    expectTypeOf(data.employee).toEqualTypeOf<string>();
  });

  test('a range the spec documents (5XX) is an error branch of those statuses, never a success', async () => {
    const created = await throwing.POST('/employees/', { body: { name: 'A', email: 'a@example.com', country: 'SWE' } });
    expectTypeOf(created.data.id).toEqualTypeOf<string>();
    const r = await gigapay.GET('/payouts/{id}/', { params: { path: { id: 'p1' } } });
    if (r.status === 503) expectTypeOf(r.error).toEqualTypeOf<{ detail: string }>();
    // @ts-expect-error: '5XX' is a key of the spec, not a status that arrives
    if (r.status === '5XX') r.error;
  });
});

describe('2. thrown errors typed from the spec', () => {
  test('the classes carry the bodies', () => {
    expectTypeOf<NotFoundError['body']>().toEqualTypeOf<ErrorDetail>();
    expectTypeOf<ValidationError['body']>().toEqualTypeOf<ValidationErrorBody | ValidationErrorBody[]>();
  });

  test('isErrorOf narrows a caught unknown to an operation and status', () => {
    const error: unknown = new Error();
    if (isErrorOf(error, 'POST', '/payouts/', 400)) {
      expectTypeOf(error.body).toEqualTypeOf<ValidationBody | BulkValidationError>();
      expectTypeOf(error.fields).toEqualTypeOf<Record<string, string[]>>();
      expectTypeOf(error.status).toEqualTypeOf<400>();
    }
    if (isErrorOf(error, 'GET', '/payouts/{id}/', 404)) expectTypeOf(error.body.detail).toEqualTypeOf<string>();
    if (isErrorOf(error, 'GET', '/payouts/{id}/', 503)) expectTypeOf(error.body).toEqualTypeOf<{ detail: string }>();
    if (isErrorOf(error, 'GET', '/payouts/{id}/', 409)) expectTypeOf(error.body).toBeUnknown();
    // @ts-expect-error: no GET on /pricing/{id}/resend/
    isErrorOf(error, 'GET', '/pricing/{id}/resend/', 404);
  });
});

describe('3. exact bodies, params and inits', () => {
  test('an unknown key is an error naming it', async () => {
    await gigapay.POST('/payouts/', {
      body: {
        ...payout,
        // @ts-expect-error: 'metdata' does not exist (did you mean 'metadata'?)
        metdata: { job_id: 1 },
      },
    });
    await gigapay.POST('/payouts/', {
      body: [
        {
          employee: 'e1',
          currency: 'SEK',
          description: 'Gig',
          amount: '1.00',
          // @ts-expect-error: unknown keys are refused in bulk items too
          descripton: 'typo',
        },
      ],
    });
    // @ts-expect-error: 'parms' does not exist (did you mean 'params'?)
    await gigapay.GET('/payouts/', { parms: { query: { page: 2 } } });
    // @ts-expect-error: 'qurey' does not exist in params
    await gigapay.GET('/payouts/', { params: { qurey: { page: 2 } } });
    // @ts-expect-error: 'pag' is not a query parameter of listPayouts
    await gigapay.GET('/payouts/', { params: { query: { pag: 2 } } });
    // @ts-expect-error: per-call fetch would bypass retries and keys
    await gigapay.GET('/payouts/', { fetch: globalThis.fetch });
  });

  test('expand narrowing, bulk arrays and the amount rule keep working', async () => {
    const expanded = await gigapay.GET('/payouts/', { params: { query: { expand: ['employee'] } } });
    if (expanded.status === 200) expectTypeOf(expanded.data.results[0]!.employee).toEqualTypeOf<Employee>();
    const plain = await gigapay.GET('/payouts/');
    if (plain.status === 200) expectTypeOf(plain.data.results[0]!.employee).toEqualTypeOf<string>();
    // Two bases: tsc (5.9 and 7.0) points at the second one and says what to do:
    //   "Type 'string' is not assignable to type '{ readonly "Leave out: `amount` is the basis
    //    (send exactly one of amount, invoiced_amount, cost).": never; }'."
    // (On 7.0 the error used to be "Property 'length' is missing … 'BulkMarker<never>'".)
    // @ts-expect-error: exactly one of amount, invoiced_amount and cost
    await gigapay.POST('/payouts/', { body: { ...payout, cost: '2.00' } });
    // None: "Property 'amount' is missing in type '{ employee: string; currency: string; description: string; }'
    //   but required in type '{ …; amount: string; … }'."
    // @ts-expect-error: no basis
    await gigapay.POST('/payouts/', { body: { employee: 'e1', currency: 'SEK', description: 'Gig' } });
    // @ts-expect-error: only employee, payrun and invoice can be expanded
    await gigapay.GET('/payouts/', { params: { query: { expand: ['integration'] } } });
    // @ts-expect-error: listIntegrations has no `expand` parameter
    await gigapay.GET('/integrations/', { params: { query: { expand: ['employee'] } } });
  });
});

describe('4. an inline employee requires expand: [employee]', () => {
  test('refused without, accepted (and expanded) with', async () => {
    await gigapay.POST('/payouts/', {
      // @ts-expect-error: an inline employee needs `params: { query: { expand: ['employee'] } }`
      body: { ...payout, employee: inlineEmployee },
    });
    const r = await gigapay.POST('/payouts/', { params: { query: { expand: ['employee'] } }, body: { ...payout, employee: inlineEmployee } });
    if (r.status === 201) expectTypeOf(r.data.employee).toEqualTypeOf<Employee>();
    // Pricing takes an inline employee under the same rule.
    // @ts-expect-error: an inline employee needs expand
    await gigapay.POST('/pricing/', { body: { ...payout, employee: inlineEmployee } });
    await gigapay.POST('/pricing/', { params: { query: { expand: ['employee'] } }, body: { ...payout, employee: inlineEmployee } });
  });
});

describe('5. per-call options; client options take undefined', () => {
  test('timeoutMs, maxRetries, idempotencyKey and signal on any call', async () => {
    await gigapay.GET('/payouts/', { timeoutMs: 120_000, maxRetries: 0, signal: AbortSignal.timeout(1000) });
    await gigapay.POST('/payouts/', { body: payout, idempotencyKey: 'order-42', maxRetries: 5 });
    await gigapay.PATCH('/employees/{id}/resend/', { params: { path: { id: 'e1' } }, timeoutMs: undefined });
    // @ts-expect-error: a number of milliseconds
    await gigapay.GET('/payouts/', { timeoutMs: '5s' });
    // openapi-fetch's parseAs: data is then what it reads.
    const text = await gigapay.GET('/payouts/{id}/', { params: { path: { id: 'p1' } }, parseAs: 'text' });
    if (text.status === 200) expectTypeOf(text.data).toEqualTypeOf<string>();
  });

  test('every optional client option accepts undefined', () => {
    createGigapayClient({
      token: 'key',
      integrationId: env.GIGAPAY_INTEGRATION_ID,
      server: env.GIGAPAY_SERVER,
      language: env.GIGAPAY_LANGUAGE,
      timeoutMs: undefined,
      maxRetries: undefined,
      throwOnError: undefined,
      userAgent: undefined,
      fetch: undefined,
      maxResponseBytes: undefined,
      onRequest: undefined,
      onResponse: undefined,
    });
  });
});

describe('6. logger and hooks', () => {
  test('levels, a logger object and the events', () => {
    const logger: Logger = console;
    expectTypeOf(logTo(logger, 'debug')).toEqualTypeOf<LogHooks>();
    createGigapayClient({ token: 'key', ...logTo(logger, 'debug') });
    createGigapayClient({
      token: 'key',
      onRequest: (event) => expectTypeOf(event).toEqualTypeOf<RequestEvent>(),
      onResponse: (event) => {
        expectTypeOf(event.status).toEqualTypeOf<number | undefined>();
        expectTypeOf(event.requestId).toEqualTypeOf<string | undefined>();
        expectTypeOf(event.durationMs).toEqualTypeOf<number>();
        expectTypeOf(event).toExtend<ResponseEvent>();
        // @ts-expect-error: the events carry no headers (so never the token)
        event.headers;
      },
    });
    // @ts-expect-error: not a level
    logTo(logger, 'verbose');
  });
});

describe('7. ids as numbers, as the Gigapay docs send them', () => {
  test('in a body, a path and a filter', async () => {
    await gigapay.POST('/payouts/', { body: { id: 9472, employee: 1847, currency: 'SEK', description: 'Gig', amount: '100.00' } });
    await gigapay.POST('/payouts/', { body: [{ ...payout, employee: 1847 }, { ...payout, employee: 1736 }] });
    await gigapay.POST('/pricing/', { body: { ...payout, employee: 1847 } });
    await gigapay.POST('/employees/', { body: { id: 19472, name: 'Albin Lindskog', email: 'albin@example.com', cellphone_number: '+4670000001', country: 'SWE' } });
    const found = await throwing.GET('/payouts/{id}/', { params: { path: { id: 9472 } } });
    // Answered as a string, whatever was sent.
    expectTypeOf(found.data.id).toEqualTypeOf<string>();
    await gigapay.GET('/payouts/', { params: { query: { employee: 1847, payrun: 2859272 } } });
    await gigapay.PATCH('/employees/{id}/resend/', { params: { path: { id: 1847 } } });
  });
});

describe('8. the commonest mistakes: tsc names the field and what to do (test/compile-errors.test.ts checks these quotes on TypeScript 5.9 and 7.0)', () => {
  test('an inline employee without expand', async () => {
    await gigapay.POST('/payouts/', {
      // @ts-expect-error tsc: is not assignable to type 'string | number | { "to send an inline employee, add params: { query: { expand: ['employee'] } }
      body: { ...payout, employee: inlineEmployee },
    });
    await gigapay.POST('/pricing/', {
      // @ts-expect-error tsc: is not assignable to type 'string | number | { "to send an inline employee, add params: { query: { expand: ['employee'] } }
      body: { ...payout, employee: inlineEmployee },
    });
  });

  test('expand as a string instead of an array', async () => {
    await gigapay.GET('/payouts/', {
      // @ts-expect-error tsc: Type 'string' is not assignable to type … expand takes an array of names: expand: ['employee']
      params: { query: { expand: 'employee' } },
    });
    await gigapay.POST('/payouts/', {
      params: {
        // @ts-expect-error tsc: Type 'string' is not assignable to type … expand takes an array of names: expand: ['employee']
        query: { expand: 'employee' },
      },
      body: payout,
    });
  });

  test('no amount (and no internal name in what tsc says)', async () => {
    await gigapay.POST('/payouts/', {
      // @ts-expect-error tsc: … amount
      body: { employee: 'e1', currency: 'SEK', description: 'Gig' },
    });
  });
});

describe('9. what 2.0 changed (Gigapay today)', () => {
  test('an Employee needs an email; a Payout has no country; registrations take no Integration-ID', async () => {
    // @ts-expect-error: an Employee needs an email (since May 2024)
    await gigapay.POST('/employees/', { body: { name: 'Albin Lindskog', cellphone_number: '+4670000001', country: 'SWE' } });
    // @ts-expect-error: a Payout has no country (since 2023)
    await gigapay.POST('/payouts/', { body: { ...payout, country: 'SWE' } });
    // @ts-expect-error: a registration acts as the user: no Integration-ID
    await gigapay.GET('/registrations/', { params: { header: { 'Integration-ID': 'i1' } } });
    const { data } = await throwing.GET('/payouts/{id}/', { params: { path: { id: 'p1' }, query: { expand: ['payrun'] } } });
    expectTypeOf(data.payrun?.latest_status).toEqualTypeOf<Payrun['latest_status']>();
  });

  test('a webhook handler keyed by a 1.x event name says the 2.0 name', async () => {
    await receiveWebhook({
      payload: '{}',
      headers: {},
      secret: 'whsec',
      handlers: {
        'Payrun.paid': (payrun) => expectTypeOf(payrun.invoice).toEqualTypeOf<string | undefined>(),
        // @ts-expect-error tsc: … renamed in 2.0: handle 'Payrun.paid'
        'Invoice.paid': () => {},
      },
    });
  });
});
