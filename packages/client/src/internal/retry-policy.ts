/**
 * Retry policy as two small pure functions, in the style of Stripe's and Stainless' SDKs:
 * `shouldRetry` decides whether an attempt is worth repeating, `retryDelay` how long to wait.
 * Both are deterministic given their inputs, so they are tested branch by branch.
 */

/** Backoff starts here and doubles per attempt. */
export const BASE_DELAY_MS = 500;
/** Backoff never exceeds this, whatever the attempt number. */
export const MAX_DELAY_MS = 8_000;
/** A `Retry-After` longer than this is not waited out: the caller gets the 429/503 to decide. */
export const MAX_RETRY_AFTER_MS = 60_000;

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export interface AttemptOutcome {
  method: string;
  /** Whether the request carries an `Idempotency-Key`. */
  keyed: boolean;
  /** Zero-based number of the attempt that just finished. */
  attempt: number;
  maxRetries: number;
  /** HTTP status, or undefined when no usable response arrived (connection error, timeout, a body that broke). */
  status?: number;
  /** Parsed `Retry-After`, when the response had one. */
  retryAfterMs?: number;
}

export function shouldRetry(outcome: AttemptOutcome): boolean {
  const { method, keyed, attempt, maxRetries, status, retryAfterMs } = outcome;
  // Out of budget: the caller has waited long enough.
  if (attempt >= maxRetries) return false;
  // Repeating an unkeyed POST or PATCH could pay someone twice.
  if (!keyed && !IDEMPOTENT_METHODS.has(method)) return false;
  // No usable response: the server may never have seen it, or done it and the answer was lost on
  // the way (a body cut off or garbled). Repeating is safe (checked above).
  if (status === undefined) return true;
  // The server asked for a longer pause than we block for: hand the decision to the caller.
  if (retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_AFTER_MS) return false;
  // Request Timeout: the server gave up before processing it.
  if (status === 408) return true;
  // Too Many Requests: rejected before processing, so asking again later is the intended use.
  if (status === 429) return true;
  // Server faults are transient more often than not.
  if (status >= 500) return true;
  // 2xx, 3xx and other 4xx (400, 401, 403, 404, ...): asking again gives the same answer.
  return false;
}

export interface DelayInput {
  /** Zero-based number of the attempt that just finished. */
  attempt: number;
  /** Parsed `Retry-After`, when the response had one. */
  retryAfterMs?: number;
  /** Source of randomness in [0, 1); injectable for tests. */
  random?: () => number;
}

export function retryDelay({ attempt, retryAfterMs, random = Math.random }: DelayInput): number {
  // The server said when: do as told (shouldRetry has already refused unreasonable waits).
  if (retryAfterMs !== undefined) return retryAfterMs;
  // Full jitter (random in [0, capped exponential]) keeps many clients from retrying in lockstep.
  return Math.floor(random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt));
}

/**
 * `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). Fractional seconds are
 * accepted too, as Stainless SDKs do. Anything unparsable is ignored (undefined).
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Date.parse is lenient ('-1' is a year): an HTTP date always names a day or month.
  const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
