import { describe, expect, it } from 'vitest';
import {
  createGigapayError,
  GigapayError,
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
    const error = createGigapayError({ status: 400, body, method: 'POST', url: 'https://api.demo.gigapay.se/v2/payouts/' });
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
      'POST https://api.demo.gigapay.se/v2/payouts/ failed with 400: description: This field may not be blank.; ' +
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
});
