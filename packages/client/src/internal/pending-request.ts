/**
 * What openapi-fetch builds in place of a real `Request` (through its `Request` option).
 *
 * A real Request's body can be read only once, and reading it back costs a stream. Keeping the
 * body exactly as openapi-fetch serialised it lets every attempt of a call send the very same
 * bytes, and saves constructing a Request that would be thrown away. The transport passes
 * `url` and `init` to the real `fetch` once per attempt.
 */
export class PendingRequest {
  readonly method: string;
  readonly headers: Headers;

  constructor(
    readonly url: string,
    readonly init: RequestInit,
  ) {
    this.method = (init.method ?? 'GET').toUpperCase();
    // openapi-fetch always passes a Headers instance; copy anything else so that we may set keys.
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
  }
}
