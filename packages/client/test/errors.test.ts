import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConnectionError,
  createGigapayError,
  GigapayError,
  PermissionDeniedError,
  RedirectError,
  ResponseBodyError,
  TimeoutError,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
} from '../src/index.js';

describe('createGigapayError', () => {
  it('flattens field, nested and non-field validation errors into dotted paths', () => {
    const body = {
      description: ['This field may not be blank.'],
      employee: { non_field_errors: ['Either email or cellphone_number is required.'], email: ['Enter a valid email address.'] },
      non_field_errors: ['Cannot pay yourself.'],
    };
    const error = createGigapayError({ status: 400, body, method: 'POST', url: 'https://api.demo.gigapay.com/v2/payouts/' });
    expect(error).toBeInstanceOf(ValidationError);
    const validation = error as ValidationError;
    expect(validation.fields).toEqual({
      description: ['This field may not be blank.'],
      'employee.non_field_errors': ['Either email or cellphone_number is required.'],
      'employee.email': ['Enter a valid email address.'],
      non_field_errors: ['Cannot pay yourself.'],
    });
    expect(validation.nonFieldErrors).toEqual(['Cannot pay yourself.']);
    expect(validation.items).toBeUndefined();
    expect(validation.message).toBe(
      'POST https://api.demo.gigapay.com/v2/payouts/ failed with 400: description: This field may not be blank.; ' +
        'employee.non_field_errors: Either email or cellphone_number is required.; employee.email: Enter a valid email address.; and 1 more',
    );
  });

  it('keeps the per-item errors of a bulk request', () => {
    const body = [{}, { amount: ['A valid number is required.'] }, {}];
    const error = createGigapayError({ status: 400, body }) as ValidationError;
    expect(error.items).toEqual(body);
    expect(error.fields).toEqual({ '1.amount': ['A valid number is required.'] });
    expect(error.message).toBe('Request failed with 400: 1.amount: A valid number is required.');
  });

  it('maps statuses to classes, reads the request id and Retry-After', () => {
    expect(createGigapayError({ status: 404, body: { detail: 'Invalid page.' } })).toBeInstanceOf(NotFoundError);
    expect(createGigapayError({ status: 502, rawBody: '<html>Bad gateway</html>' })).toBeInstanceOf(ServerError);
    expect(createGigapayError({ status: 409 }).constructor).toBe(GigapayError);
    const limited = createGigapayError({ status: 429, headers: new Headers({ 'retry-after': '1.5' }), requestId: 'r-1' });
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError).retryAfter).toBe(1.5);
    expect(limited.message).toBe('Request failed with 429: no body (request id r-1)');
    expect(limited.name).toBe('RateLimitError');
  });

  it('names every class, as `name` and in its stack and String()', () => {
    const byStatus = { 0: 'GigapayError', 400: 'ValidationError', 401: 'AuthenticationError', 403: 'PermissionDeniedError', 404: 'NotFoundError', 429: 'RateLimitError', 500: 'ServerError', 503: 'ServerError', 418: 'GigapayError' };
    for (const [status, name] of Object.entries(byStatus)) {
      const error = createGigapayError({ status: Number(status) });
      expect(error.name).toBe(name);
      expect(String(error)).toMatch(new RegExp(`^${name}: `));
    }
    const own = { ConnectionError, TimeoutError, ResponseBodyError, RedirectError, AuthenticationError, PermissionDeniedError };
    for (const [name, ErrorClass] of Object.entries(own)) {
      const error = new ErrorClass('m');
      expect(error.name).toBe(name);
      expect(error).toBeInstanceOf(GigapayError);
    }
  });

  it('sets a cause only when there is one', () => {
    expect('cause' in new GigapayError('m')).toBe(false);
    expect('cause' in new GigapayError('m', { cause: undefined })).toBe(false);
    expect(new GigapayError('m', { cause: 0 }).cause).toBe(0);
  });

  it('has no non-field errors and no retryAfter when the response gave none', () => {
    expect((createGigapayError({ status: 400, body: { amount: ['x'] } }) as ValidationError).nonFieldErrors).toEqual([]);
    expect((createGigapayError({ status: 429 }) as RateLimitError).retryAfter).toBeUndefined();
    expect((createGigapayError({ status: 429, headers: new Headers() }) as RateLimitError).retryAfter).toBeUndefined();
    expect((createGigapayError({ status: 429, headers: new Headers({ 'retry-after': '0' }) }) as RateLimitError).retryAfter).toBe(0);
  });

  it('says where, only when it knows both method and url', () => {
    expect(createGigapayError({ status: 500, method: 'GET' }).message).toBe('Request failed with 500: no body');
    expect(createGigapayError({ status: 500, url: 'https://x/' }).message).toBe('Request failed with 500: no body');
    expect(createGigapayError({ status: 500, method: 'GET', url: 'https://x/' }).message).toBe('GET https://x/ failed with 500: no body');
  });

  it('describes the body: its detail, up to three fields, or its text (trimmed, at most 200 characters)', () => {
    const message = (init: Parameters<typeof createGigapayError>[0]) => createGigapayError({ status: 400, ...init }).message.replace('Request failed with 400: ', '');
    expect(message({ body: { detail: 'Not allowed.' } })).toBe('Not allowed.');
    expect(message({ body: { detail: 42, amount: ['Too big.'] } })).toBe('amount: Too big.');
    expect(message({ body: { a: ['1'], b: ['2', '3'], c: '4' } })).toBe('a: 1; b: 2 3; c: 4');
    expect(message({ body: { a: ['1'], b: ['2'], c: ['3'], d: ['4'], e: ['5'] } })).toBe('a: 1; b: 2; c: 3; and 2 more');
    expect(message({ body: '  plain text  ' })).toBe('plain text');
    expect(message({ body: 'x'.repeat(300) })).toBe('x'.repeat(200));
    expect(message({ body: { unknown: 1 }, rawBody: '  {"unknown": 1}  ' })).toBe('{"unknown": 1}');
    expect(message({ body: undefined, rawBody: ' raw ' })).toBe('raw');
    expect(message({ body: 7, rawBody: 'seven' })).toBe('seven');
    expect(message({ body: {} })).toBe('no body');
    expect(message({ body: null, rawBody: '   ' })).toBe('no body');
  });

  it('flattens only lists of messages: empty lists dropped, other lists and values walked into', () => {
    const error = createGigapayError({
      status: 400,
      body: { a: [], b: 'one', c: [{ d: ['nested'] }, 'x'], e: 5, f: null, g: [1, 2] },
    }) as ValidationError;
    expect(error.fields).toEqual({ b: ['one'], 'c.0.d': ['nested'], 'c.1': ['x'] });
    expect((createGigapayError({ status: 400, body: 'text' }) as ValidationError).fields).toEqual({});
    expect((createGigapayError({ status: 400, body: null }) as ValidationError).fields).toEqual({});
  });
});
