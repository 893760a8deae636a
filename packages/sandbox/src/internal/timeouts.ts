/**
 * How long a connection may hold the server without finishing its request. Node's own defaults
 * (60 s for headers, 300 s for a request, checked every 30 s) let a client that opens a socket and
 * sends nothing, or half a request, keep it for minutes: a few hundred of those exhaust the file
 * descriptors. Set here deliberately, and short enough for a local test server.
 */
import type { ServerOptions } from 'node:http';
import { checkPositiveIntegers } from './limits.js';

export interface Timeouts {
  /** From connecting (or the end of the previous answer) to the end of the request's headers; then `408` and closed. @default 10000 */
  headersMs?: number;
  /** From connecting to the end of the request's body (at least `headersMs`); then `408` and closed. @default 30000 */
  requestMs?: number;
  /** How long a kept-alive connection may idle between requests before it is closed. @default 5000 */
  keepAliveMs?: number;
}

export const DEFAULT_TIMEOUTS: Required<Timeouts> = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 };

/** The options' timeouts over the defaults; a `RangeError` for one that is not a positive integer, or headers longer than the request. */
export function resolveTimeouts(timeouts: Timeouts = {}): Required<Timeouts> {
  const resolved = { ...DEFAULT_TIMEOUTS, ...timeouts };
  checkPositiveIntegers('timeouts', resolved, 'milliseconds');
  if (resolved.headersMs > resolved.requestMs) throw new RangeError(`timeouts.headersMs (${resolved.headersMs}) must not exceed timeouts.requestMs (${resolved.requestMs})`);
  return resolved;
}

/** `node:http` server options enforcing `timeouts`. */
export function serverTimeoutOptions(timeouts: Required<Timeouts>): ServerOptions {
  return {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // Node checks the first two only this often (default 30 s): a quarter of the shorter one keeps them close to exact.
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(timeouts.headersMs / 4))),
  };
}
