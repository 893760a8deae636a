import type { ErrorDetail } from '@gigapay/types';
import { parseRetryAfter } from './internal/retry-policy.js';

/**
 * Every failure the client reports is a `GigapayError`. HTTP errors come from one factory,
 * `createGigapayError`, that maps a status to a class; transport failures (connection, timeout,
 * redirect) are classes of their own. None of them holds request headers, so the token can never
 * leak through a message, a log line, `JSON.stringify` or `util.inspect`.
 */

/** A 400 body: field name to messages, or to a nested error object for inline objects. */
export interface ValidationErrorBody {
  [field: string]: string[] | ValidationErrorBody | undefined;
  non_field_errors?: string[];
}

export interface GigapayErrorInit {
  status?: number;
  /** From `x-request-id` or `request-id`: quote it to Gigapay support. */
  requestId?: string;
  /** The response body, parsed as JSON when it is JSON, otherwise the text. */
  body?: unknown;
  /** The response body exactly as received. */
  rawBody?: string;
  headers?: Headers;
  method?: string;
  url?: string;
  /** The `Idempotency-Key` the request was sent with. */
  idempotencyKey?: string;
  cause?: unknown;
}

export class GigapayError extends Error {
  override name = 'GigapayError';
  declare readonly status: number | undefined;
  declare readonly requestId: string | undefined;
  declare readonly body: unknown;
  declare readonly rawBody: string | undefined;
  declare readonly headers: Headers | undefined;
  declare readonly method: string | undefined;
  declare readonly url: string | undefined;
  /**
   * The `Idempotency-Key` the request was sent with: every POST and PATCH has one (the client's
   * own, unless given in `headers`). After a `ConnectionError`, a `TimeoutError` or a 5xx the write
   * may have been done: retry with `headers: { 'Idempotency-Key': error.idempotencyKey }` to be safe.
   */
  declare readonly idempotencyKey: string | undefined;

  constructor(message: string, init: GigapayErrorInit = {}) {
    // Error reads only `cause` of its options, and makes it an own property even when undefined: so only when given.
    super(message, init.cause === undefined ? undefined : init);
    // Each field of the init but `cause`, an own property even when undefined (one loop: fewer bytes than eight lines).
    for (const key of ['status', 'requestId', 'body', 'rawBody', 'headers', 'method', 'url', 'idempotencyKey'] as const) {
      (this as Record<string, unknown>)[key] = init[key];
    }
  }
}

/** 400: the request was understood but refused. Field paths are dotted (`employee.email`, `3.amount`). */
export class ValidationError extends GigapayError {
  override name = 'ValidationError';
  /** The DRF validation body, or for a bulk request one per item (`{}` for the items that were fine). */
  declare readonly body: ValidationErrorBody | ValidationErrorBody[];
  /** Messages by dotted field path, nested and per-item errors flattened. */
  declare readonly fields: Record<string, string[]>;
  /** Messages about the request as a whole (`non_field_errors` at the top level). */
  declare readonly nonFieldErrors: string[];
  /** For a bulk request: one error object per submitted item, `{}` for the items that were fine. */
  declare readonly items: ValidationErrorBody[] | undefined;

  constructor(message: string, init: GigapayErrorInit = {}) {
    super(message, init);
    this.fields = flattenValidationBody(init.body);
    this.nonFieldErrors = this.fields.non_field_errors ?? [];
    this.items = Array.isArray(init.body) ? (init.body as ValidationErrorBody[]) : undefined;
  }
}

/** 401: no valid token (also what a followed redirect that dropped the header looks like). */
export class AuthenticationError extends GigapayError {
  override name = 'AuthenticationError';
  declare readonly body: ErrorDetail;
}
/** 403: the token may not do this: unknown or missing `Integration-ID`, read-only object, IP allow-list. */
export class PermissionDeniedError extends GigapayError {
  override name = 'PermissionDeniedError';
  declare readonly body: ErrorDetail;
}
/** 404: no such object for this integration (or a page past the end). */
export class NotFoundError extends GigapayError {
  override name = 'NotFoundError';
  declare readonly body: ErrorDetail;
}
/** 429: slow down. `retryAfter` is the server's `Retry-After` in seconds, when it sent one. */
export class RateLimitError extends GigapayError {
  override name = 'RateLimitError';
  declare readonly retryAfter: number | undefined;
  constructor(message: string, init: GigapayErrorInit = {}) {
    super(message, init);
    const ms = parseRetryAfter(init.headers?.get('retry-after'));
    this.retryAfter = ms === undefined ? undefined : ms / 1000;
  }
}
/** 5xx: a fault on Gigapay's side, still there after the retries. */
export class ServerError extends GigapayError {
  override name = 'ServerError';
}
/**
 * No response: DNS, refused or reset connection, TLS. `cause` is a copy of the underlying error:
 * its `name`, `message` and `code` (and those of its `cause` and `errors`), token redacted.
 */
export class ConnectionError extends GigapayError {
  override name = 'ConnectionError';
}
/** An attempt ran longer than `timeoutMs` (and retries, if any, ran out). */
export class TimeoutError extends GigapayError {
  override name = 'TimeoutError';
}
/**
 * A response arrived, but its body could not be used: cut off mid-way, not JSON, or empty where the
 * API always sends one (every 2xx but 204). `status` and `requestId` are the response's; `cause` is
 * what reading it threw. The server may have done the write: like a `ConnectionError`, it is retried
 * when that is safe, and a keyed request may be repeated with `error.idempotencyKey`.
 */
export class ResponseBodyError extends GigapayError {
  override name = 'ResponseBodyError';
}
/**
 * The call's own `signal` aborted it. `cause` is the signal's reason, as given. Once a request was
 * sent the server may have done it: a keyed request may be repeated with `error.idempotencyKey`.
 * Named `AbortError`, as `fetch`'s own, for code that checks `error.name`.
 */
export class AbortError extends GigapayError {
  override name = 'AbortError';
}
/** A 3xx. Redirects are never followed: many HTTP stacks drop `Authorization` on the way. */
export class RedirectError extends GigapayError {
  override name = 'RedirectError';
  /** Where the server pointed to, resolved against the request URL. */
  declare readonly location: string | undefined;
  constructor(message: string, init: GigapayErrorInit & { location?: string } = {}) {
    super(message, init);
    this.location = init.location;
  }
}

/** The request id Gigapay support asks for, from `x-request-id` or `request-id`. */
export const requestIdOf = (headers: Headers) => headers.get('x-request-id') ?? headers.get('request-id') ?? undefined;

/** How a message names the request id, when there is one. */
export const requestIdNote = (requestId: string | undefined) => (requestId ? ` (request id ${requestId})` : '');

type ErrorClass = new (message: string, init?: GigapayErrorInit) => GigapayError;

const CLASS_BY_STATUS: Record<number, ErrorClass> = {
  400: ValidationError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  429: RateLimitError,
};

/** The one place where a status becomes an error class. */
export function createGigapayError(init: GigapayErrorInit): GigapayError {
  const status = init.status ?? 0;
  const ErrorForStatus = CLASS_BY_STATUS[status] ?? (status >= 500 ? ServerError : GigapayError);
  const { method, url } = init;
  const where = method && url ? `${method} ${url}` : 'Request';
  return new ErrorForStatus(`${where} failed with ${status}: ${describeBody(init)}${requestIdNote(init.requestId)}`, init);
}

function describeBody({ body, rawBody }: GigapayErrorInit): string {
  if (body && typeof body === 'object') {
    const detail = (body as { detail?: unknown }).detail;
    if (typeof detail === 'string') return detail;
    const fields = Object.entries(flattenValidationBody(body));
    if (fields.length) {
      const shown = fields.slice(0, 3).map(([path, messages]) => `${path}: ${messages.join(' ')}`);
      return shown.join('; ') + (fields.length > 3 ? `; and ${fields.length - 3} more` : '');
    }
  }
  const text = (typeof body === 'string' ? body : rawBody ?? '').trim();
  return text ? text.slice(0, 200) : 'no body';
}

/**
 * `{ employee: { email: ['…'] } }` → `{ 'employee.email': ['…'] }`; arrays index items. The API
 * nests three levels at most (a bulk item's inline employee): what lies deeper is not walked, so
 * that a body nested thousands deep is not a stack overflow.
 */
function flattenValidationBody(body: unknown, prefix = '', out: Record<string, string[]> = {}, depth = 0): Record<string, string[]> {
  if (!body || typeof body !== 'object' || depth > 8) return out;
  for (const [key, value] of Object.entries(body)) {
    const path = prefix + key;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      if (value.length) out[path] = value;
    } else if (typeof value === 'string') {
      out[path] = [value];
    } else {
      flattenValidationBody(value, `${path}.`, out, depth + 1);
    }
  }
  return out;
}
