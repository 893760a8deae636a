/** openapi-fetch's ways of reading a body, and what `data` then is. */
export interface ParsedAs {
  json: never;
  text: string;
  blob: Blob;
  arrayBuffer: ArrayBuffer;
  stream: ReadableStream<Uint8Array> | null;
}
export type ParseAs = keyof ParsedAs;

/** Options of one call, beside openapi-fetch's `params`, `body` and `headers`. */
export interface CallOptions {
  /** Headers of this call; they override the client's (`'Integration-ID': 'other'` acts as another integration). */
  headers?: HeadersInit | Record<string, string | undefined>;
  /** Aborts the call: it rejects with an `AbortError` (its `cause` the signal's reason, with the call's key), never retried. */
  signal?: AbortSignal | null | undefined;
  /** This call's time limit per attempt, in milliseconds (0: none). The client's `timeoutMs` otherwise. */
  timeoutMs?: number | undefined;
  /** This call's retries after the first attempt. The client's `maxRetries` otherwise. */
  maxRetries?: number | undefined;
  /** Sent as `Idempotency-Key` (instead of the client's own UUID for a POST or PATCH). */
  idempotencyKey?: string | undefined;
  /** How to read a 2xx body (openapi-fetch's): `data` is then a string, a Blob, … instead of the JSON. */
  parseAs?: ParseAs | undefined;
  /** openapi-fetch's body serialiser, for example to send `multipart/form-data`. */
  bodySerializer?: ((body: any) => unknown) | undefined;
}

/** The per-call options that the transport applies, taken out of an init before openapi-fetch sees it. */
export interface TransportCallOptions {
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
  /** Sent as `Idempotency-Key`, over any given in `headers`. */
  idempotencyKey?: string | undefined;
}
