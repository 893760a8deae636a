import { describe, expect, it } from 'vitest';
import {
  BASE_DELAY_MS,
  MAX_DELAY_MS,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  retryDelay,
  shouldRetry,
  type AttemptOutcome,
} from '../src/internal/retry-policy.js';

const outcome = (overrides: Partial<AttemptOutcome>): AttemptOutcome => ({
  method: 'GET',
  keyed: false,
  attempt: 0,
  maxRetries: 2,
  ...overrides,
});

describe('shouldRetry', () => {
  it('stops when the retry budget is spent', () => {
    expect(shouldRetry(outcome({ status: 503, attempt: 2 }))).toBe(false);
    expect(shouldRetry(outcome({ status: 503, maxRetries: 0 }))).toBe(false);
  });

  it('never repeats an unkeyed POST or PATCH, whatever happened', () => {
    for (const method of ['POST', 'PATCH']) {
      expect(shouldRetry(outcome({ method }))).toBe(false);
      expect(shouldRetry(outcome({ method, status: 503 }))).toBe(false);
      expect(shouldRetry(outcome({ method, keyed: true }))).toBe(true);
      expect(shouldRetry(outcome({ method, keyed: true, status: 503 }))).toBe(true);
    }
  });

  it('repeats idempotent methods after a connection error or timeout (no status)', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']) expect(shouldRetry(outcome({ method, keyed: false }))).toBe(true);
  });

  it('retries 408, 429 and 5xx', () => {
    for (const status of [408, 429, 500, 502, 503, 504]) expect(shouldRetry(outcome({ status }))).toBe(true);
  });

  it('never retries 2xx, 3xx, 400, 401, 403, 404 and other 4xx', () => {
    for (const status of [200, 201, 204, 301, 307, 400, 401, 403, 404, 405, 409, 422]) {
      expect(shouldRetry(outcome({ status, keyed: true }))).toBe(false);
    }
  });

  it('hands an over-long Retry-After back to the caller instead of blocking', () => {
    expect(shouldRetry(outcome({ status: 429, retryAfterMs: MAX_RETRY_AFTER_MS }))).toBe(true);
    expect(shouldRetry(outcome({ status: 429, retryAfterMs: MAX_RETRY_AFTER_MS + 1 }))).toBe(false);
  });
});

describe('retryDelay', () => {
  it('waits what Retry-After says', () => {
    expect(retryDelay({ attempt: 0, retryAfterMs: 2000 })).toBe(2000);
    expect(retryDelay({ attempt: 5, retryAfterMs: 0 })).toBe(0);
  });

  it('uses full jitter over a capped exponential', () => {
    expect(retryDelay({ attempt: 0, random: () => 0 })).toBe(0);
    expect(retryDelay({ attempt: 0, random: () => 0.999999 })).toBe(BASE_DELAY_MS - 1);
    expect(retryDelay({ attempt: 2, random: () => 0.5 })).toBe(BASE_DELAY_MS * 2);
    expect(retryDelay({ attempt: 30, random: () => 0.999999 })).toBeLessThan(MAX_DELAY_MS);
    expect(retryDelay({ attempt: 30, random: () => 0.999999 })).toBeGreaterThan(MAX_DELAY_MS - 10);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2022-04-29T10:00:00Z');
  it('reads delay-seconds, fractional seconds and HTTP dates', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 0.25 ', now)).toBe(250);
    expect(parseRetryAfter('Fri, 29 Apr 2022 10:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('Fri, 29 Apr 2022 09:00:00 GMT', now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    for (const value of [null, undefined, '', 'soon', '-1', '5 seconds', '1.5.2', 'x5']) expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
