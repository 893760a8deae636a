/**
 * What the caller (call.ts) builds in place of a real `Request`.
 *
 * A real Request's body can be read only once, and reading it back costs a stream. Keeping the
 * body exactly as it was serialised lets every attempt of a call send the very same bytes, and
 * saves constructing a Request that would be thrown away. The transport passes `url` and `init`
 * to the real `fetch` once per attempt. The caller always gives `init` an upper-case `method` and
 * a `Headers` instance as `headers`.
 */
export interface PendingRequest {
  readonly url: string;
  readonly init: RequestInit & { method: string; headers: Headers };
}
