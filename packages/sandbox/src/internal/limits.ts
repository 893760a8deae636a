/**
 * Limits checked before anything is parsed: the body's size (413), the URL's length (414) and
 * the JSON nesting depth (400). Without them a 600 MB body or a 100,000-deep array costs the
 * process its memory or its stack before any validation runs.
 */
import { ApiError } from './errors.js';

export interface Limits {
  /** Largest request body in bytes; a larger one is a `413`. @default 1048576 (1 MiB) */
  bodyBytes?: number;
  /** Longest path and query in characters; a longer one is a `414`. @default 8192 */
  urlLength?: number;
  /** Deepest nesting of JSON arrays and objects; deeper is a `400`. @default 64 */
  jsonDepth?: number;
}

export const DEFAULT_LIMITS: Required<Limits> = { bodyBytes: 1_048_576, urlLength: 8192, jsonDepth: 64 };

/** The options' limits over the defaults; a limit that is not a positive integer is a `RangeError`. */
export function resolveLimits(limits: Limits = {}): Required<Limits> {
  const resolved = { ...DEFAULT_LIMITS, ...limits };
  checkPositiveIntegers('limits', resolved);
  return resolved;
}

/** A `RangeError` naming the first field of the `option` object that is not a positive integer (of `unit`). */
export function checkPositiveIntegers(option: string, fields: Record<string, number>, unit?: string): void {
  for (const [name, value] of Object.entries(fields)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${option}.${name} must be a positive integer${unit ? ` of ${unit}` : ''}, got ${String(value)}`);
  }
}

/** A `414` when the request's path and query are longer than `limit` characters. */
export function checkUrlLength(url: URL, limit: number): void {
  const length = url.pathname.length + url.search.length;
  if (length > limit) throw new ApiError(414, { detail: `Request URL is ${length} characters long; the limit is ${limit}.` });
}

const tooLarge = (limit: number) =>
  new ApiError(413, { detail: `Request body is larger than ${limit} bytes, the limit of this sandbox (option limits.bodyBytes, flag --max-body-bytes).` }, { connection: 'close' });

/**
 * A body that could not be read to its end: the client hung up mid-upload (or sent a broken chunked
 * body, which ends the connection too). The client's doing, not a sandbox bug: a `400` that, over
 * HTTP, nobody is left to read.
 */
const unreadable = (error: unknown) =>
  new ApiError(400, { detail: `The request body could not be read to its end (${error instanceof Error ? error.message : String(error)}): the client closed the connection mid-upload.` });

/**
 * The body's bytes, read no further than `limit`: a `Content-Length` above it is refused before
 * reading, and a chunked body is cut off as soon as it passes it.
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch((error: unknown) => {
      throw unreadable(error);
    });
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const tooDeep = (limit: number) => new ApiError(400, { non_field_errors: [`JSON parse error - nesting deeper than ${limit} levels of arrays and objects.`] });

/** A `400` when `text` (JSON or not) opens more than `limit` arrays and objects inside each other. */
export function checkJsonDepth(text: string, limit: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      if (++depth > limit) throw tooDeep(limit);
    } else if (char === 0x7d || char === 0x5d) depth--;
  }
}

/**
 * The same `400` for a value parsed from text the JSON check did not see (a form's JSON fields,
 * such as `metadata`), before anything serialises it: measured with a stack of its own, so a
 * 10,000-deep value cannot overflow the call stack here, and stopping at the first level too deep.
 */
export function checkValueDepth(value: unknown, limit: number): void {
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) throw tooDeep(limit);
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
}
