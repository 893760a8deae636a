/**
 * Whether a response can be written as it is. Node refuses a header value with a character outside
 * Latin-1 or a CR/LF only when it writes the head, after the request has committed; a header block
 * larger than a client reads (Node's own limit is 16 KiB) fails on the client's side. Checked on
 * the whole stored response before the commit, so such an answer rolls the request back and
 * leaves its Idempotency-Key free, instead of being replayed as a failure for 24 hours.
 */
import { validateHeaderName, validateHeaderValue } from 'node:http';
import type { StoredResponse } from './idempotency.js';

/** The largest header block the sandbox answers with: half of what a Node client reads by default. */
export const MAX_HEADER_BYTES = 8192;

export class UnwritableResponse extends Error {
  constructor(problem: string) {
    super(`the response cannot be written (${problem}), so nothing was committed`);
    this.name = 'UnwritableResponse';
  }
}

/** Throws `UnwritableResponse` naming the first header Node would refuse, or a header block too large. */
export function assertWritable(response: StoredResponse): void {
  if (!(Number.isInteger(response.status) && response.status >= 200 && response.status <= 599)) {
    throw new UnwritableResponse(`status ${response.status}`);
  }
  let bytes = 0;
  for (const [name, value] of Object.entries(response.headers)) {
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    } catch (error) {
      throw new UnwritableResponse(`header ${JSON.stringify(name)}: ${(error as Error).message}`);
    }
    bytes += Buffer.byteLength(`${name}: ${value}\r\n`, 'latin1');
  }
  if (bytes > MAX_HEADER_BYTES) throw new UnwritableResponse(`${bytes} bytes of headers, more than ${MAX_HEADER_BYTES}`);
}
