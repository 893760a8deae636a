import type { Payout, PayoutCreate } from '@gigapay/types';
import { errorFromResult } from './client.js';
import { GigapayError, ValidationError, type ValidationErrorBody } from './errors.js';
import type { Expand, GigapayClient } from './types.js';

export interface BulkOptions {
  /**
   * Payouts per request, a whole number ≥ 1. Keep it the same when re-running with the same `keyPrefix`.
   * @default 100
   */
  chunkSize?: number;
  /**
   * Chunk `i` is sent with `Idempotency-Key: <keyPrefix>:<i>`. Pass the `keyPrefix` of an earlier
   * report (with the same payouts and chunk size) to re-run it: chunks the server already took
   * come back from its idempotency store (for 24 hours) instead of paying twice.
   * @default crypto.randomUUID()
   */
  keyPrefix?: string;
}

interface ItemBase {
  /** Position in the array that was passed in. */
  index: number;
  /** Which request carried it, and with which key. */
  chunk: number;
  idempotencyKey: string;
}

export type BulkItemResult =
  | (ItemBase & { status: 'created'; payout: Expand<Payout> })
  /** The item's own validation errors (nothing in its chunk was created). */
  | (ItemBase & { status: 'invalid'; errors: ValidationErrorBody; error: ValidationError })
  /** The item was fine, but another item of its chunk was invalid, so the chunk was refused. */
  | (ItemBase & { status: 'rejected'; error: ValidationError })
  /**
   * The chunk's request failed after retries (connection, timeout, 5xx, 429, 401, ...), or was
   * refused as a whole: a 400 that names no item's own errors (a `ValidationError`). Anything
   * else its call threw (an abort, ...) is wrapped in a `GigapayError` whose `cause` is the
   * original. For a connection error, a timeout or a 2xx whose body broke (`ResponseBodyError`) the
   * server may have created it: re-run with the same `keyPrefix`.
   */
  | (ItemBase & { status: 'failed'; error: GigapayError });

export interface BulkReport {
  keyPrefix: string;
  /** One entry per input payout, in input order. */
  results: BulkItemResult[];
  created: Expand<Payout>[];
  /** True when every payout was created. */
  ok: boolean;
}

/**
 * Sends many payouts through the bulk form of `POST /payouts/`, chunk by chunk, and reports the
 * outcome of every single one: nothing is dropped when a chunk is refused or fails in transit, or
 * when its call throws anything else (reported as `failed`). Chunks go one after the other; a
 * failed chunk does not stop the next ones. It rejects only for a bad `chunkSize`.
 */
export async function createPayoutsInBulk(
  client: GigapayClient<boolean>,
  payouts: readonly PayoutCreate[],
  { chunkSize = 100, keyPrefix = crypto.randomUUID() }: BulkOptions = {},
): Promise<BulkReport> {
  if (!(Number.isInteger(chunkSize) && chunkSize >= 1)) throw new RangeError('createPayoutsInBulk: chunkSize must be a whole number >= 1');
  const post = client.POST as unknown as (path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  const results: BulkItemResult[] = [];

  for (let start = 0, chunk = 0; start < payouts.length; start += chunkSize, chunk++) {
    const items = payouts.slice(start, start + chunkSize);
    const idempotencyKey = `${keyPrefix}:${chunk}`;
    const base = (offset: number): ItemBase => ({ index: start + offset, chunk, idempotencyKey });

    let created: unknown;
    let error: GigapayError | undefined;
    try {
      const result = await post('/payouts/', { body: items, headers: { 'Idempotency-Key': idempotencyKey } });
      if (result.response.ok) created = result.data;
      else error = errorFromResult(result.response, result.error);
    } catch (thrown) {
      // Whatever it is, it is this chunk's outcome: rethrowing would lose the report and keyPrefix.
      error =
        thrown instanceof GigapayError
          ? thrown
          : new GigapayError(`The bulk request failed: ${thrown}`, { cause: thrown, idempotencyKey });
    }

    // A 400 speaks of items only with one entry per item, at least one of them an item's own errors;
    // any other 400 (a malformed request, one message for all) is about the request: `failed`.
    const hasErrors = (entry: unknown): entry is ValidationErrorBody => !!entry && typeof entry === 'object' && Object.keys(entry).length > 0;
    const perItem = error instanceof ValidationError && error.items?.length === items.length && error.items.some(hasErrors) ? error.items : undefined;

    items.forEach((_, offset) => {
      const payout = Array.isArray(created) ? (created[offset] as Expand<Payout> | undefined) : undefined;
      if (payout) return results.push({ ...base(offset), status: 'created', payout });
      if (created !== undefined) {
        const missing = new GigapayError(`The bulk response had no payout for item ${start + offset}`);
        return results.push({ ...base(offset), status: 'failed', error: missing });
      }
      if (perItem) {
        const own = perItem[offset];
        const validation = error as ValidationError;
        return results.push(hasErrors(own) ? { ...base(offset), status: 'invalid', errors: own, error: validation } : { ...base(offset), status: 'rejected', error: validation });
      }
      results.push({ ...base(offset), status: 'failed', error: error ?? new GigapayError('The bulk request failed') });
    });
  }

  const created = results.flatMap((result) => (result.status === 'created' ? [result.payout] : []));
  return { keyPrefix, results, created, ok: created.length === payouts.length };
}
