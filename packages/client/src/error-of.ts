import { GigapayError } from './errors.js';
import type { HttpStatus, Method, OperationError, Operations } from './types.js';

/**
 * Narrows a caught `unknown` to the error of one operation and status, its `body` typed from the
 * spec. True when `error` is a `GigapayError` with that status, from a call of that method on that
 * path (whatever the ids in it).
 *
 * @example
 * catch (error) {
 *   if (isErrorOf(error, 'POST', '/payouts/', 400)) console.error(error.body); // ValidationError | BulkValidationError
 * }
 */
export function isErrorOf<M extends Uppercase<Method>, Path extends keyof Operations<Lowercase<M>>, Status extends HttpStatus>(
  error: unknown,
  method: M,
  path: Path,
  status: Status,
): error is OperationError<Operations<Lowercase<M>>[Path], Status> {
  if (!(error instanceof GigapayError) || error.status !== status || error.method !== method || !error.url) return false;
  // `/payouts/{id}/` → any one segment in place of `{id}`, at the end of the URL's path.
  const template = new RegExp(`${String(path).replace(/\{[^/}]+\}/g, '[^/]+')}$`);
  return template.test(new URL(error.url).pathname);
}
