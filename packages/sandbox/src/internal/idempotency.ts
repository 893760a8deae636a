/**
 * `Idempotency-Key`: the first response to a key is stored and replayed, unchanged, for 24 hours
 * of sandbox time. Keys are scoped to the token and the `Integration-ID`. Reusing a key for a
 * different request (method, path, query or body) is refused with a 400 naming the key, since
 * 400 is the error status the spec documents on every mutating operation (Stripe uses 400 too).
 * Only 2xx responses are stored (see app.ts): a refusal, whichever rule refused, leaves the key
 * free for the corrected request, and faults (500, 429) and the sandbox's own 500s never are.
 * A key is looked up once its request's body has fully arrived, and nothing awaits between the
 * lookup and the stored answer, so two requests with one key never both write: the one that
 * finishes sending first is handled first, the other gets its answer replayed (or a conflict).
 */
import { MICROS_PER_HOUR } from './clock.js';

export const IDEMPOTENCY_TTL_MICROS = 24 * MICROS_PER_HOUR;

/**
 * Why `key` is not a usable `Idempotency-Key` (DRF's words), or `undefined` when it is. The spec
 * asks only for a non-empty string (Gigapay documents no format or length; spec.test checks it).
 */
export function keyProblem(key: string): string | undefined {
  if (key.trim() === '') return 'This field may not be blank.';
  return undefined;
}

export interface StoredResponse {
  status: number;
  body: string | null;
  headers: Record<string, string>;
}

export interface Entry {
  fingerprint: string;
  response: StoredResponse;
  expiresAt: number;
}

export type Lookup = { kind: 'miss' } | { kind: 'replay'; response: StoredResponse } | { kind: 'conflict' };

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  /** Expiries never decrease, even if the wall clock steps back, so the map stays in expiry order. */
  private latestExpiry = 0;

  lookup(scope: string, fingerprint: string, now: number): Lookup {
    this.evictExpired(now); // so an entry still here is live
    const entry = this.entries.get(scope);
    if (!entry) return { kind: 'miss' };
    return entry.fingerprint === fingerprint ? { kind: 'replay', response: entry.response } : { kind: 'conflict' };
  }

  store(scope: string, fingerprint: string, response: StoredResponse, now: number): void {
    this.evictExpired(now);
    this.entries.delete(scope); // re-inserted last: the map stays in expiry order
    this.latestExpiry = Math.max(this.latestExpiry, now + IDEMPOTENCY_TTL_MICROS);
    this.entries.set(scope, { fingerprint, response, expiresAt: this.latestExpiry });
  }

  get size(): number {
    return this.entries.size;
  }

  /** Every stored key with its request fingerprint, response and expiry, in expiry order (for `snapshot`). */
  dump(): [string, Entry][] {
    return [...this.entries];
  }

  /** Replaces every key by those of a `dump()` (a sandbox restarted from its state file). */
  load(entries: readonly [string, Entry][]): void {
    this.clear();
    for (const [scope, entry] of entries) {
      this.entries.set(scope, entry);
      this.latestExpiry = Math.max(this.latestExpiry, entry.expiresAt);
    }
  }

  /**
   * Forgets the keys that expired. Entries are stored in the order they expire (sandbox time only
   * moves forward), so this stops at the first live one: amortised O(1) per request.
   */
  private evictExpired(now: number): void {
    for (const [scope, entry] of this.entries) {
      if (entry.expiresAt > now) return;
      this.entries.delete(scope);
    }
  }

  /** Forgets every key (a reset sandbox must not replay responses for objects it no longer has). */
  clear(): void {
    this.entries.clear();
    this.latestExpiry = 0;
  }
}

/** The request's identity for key reuse: JSON bodies compare by value, not by whitespace. */
export function fingerprint(method: string, pathAndQuery: string, bodyText: string): string {
  let body = bodyText;
  try {
    body = canonicalJson(JSON.parse(bodyText));
  } catch {
    // not JSON (or empty): compare the raw text
  }
  return `${method} ${pathAndQuery}\n${body}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
