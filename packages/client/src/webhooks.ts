/**
 * Gigapay webhook signatures: `Gigapay-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`, where each
 * `v1` is HMAC-SHA256(secret, `${t}.${raw body}`). Web Crypto only, so it runs in Node 20+,
 * browsers, and edge runtimes.
 */
import type { WebhookEventName, WebhookPayloads } from '@gigapay/types';
import { hmac, toHex, timingSafeEqual } from './internal/hmac.js';
import type { Expand } from './types.js';

export type WebhookSignatureFailure =
  /** No `Gigapay-Signature` header at all. */
  | 'missing_header'
  /** Not `t=<digits>,v1=<64 hex>`. */
  | 'malformed_header'
  /** `t` is further than `toleranceSeconds` from now, in the past (a replay?) or in the future. */
  | 'timestamp_outside_tolerance'
  /** The payload is not the raw body (a parsed object was passed). */
  | 'body_reserialized'
  /** Well formed and in time, but no `v1` matches: wrong secret, or a changed body. */
  | 'no_matching_signature';

export class WebhookSignatureError extends Error {
  override name = 'WebhookSignatureError';
  constructor(
    readonly reason: WebhookSignatureFailure,
    message: string,
  ) {
    super(message);
  }
}

/** The raw request body: the exact bytes received, or their text. */
export type WebhookPayload = string | Uint8Array | ArrayBuffer;

export interface VerifyWebhookOptions {
  payload: WebhookPayload;
  /** The `Gigapay-Signature` header. */
  header: string | null | undefined;
  /** The webhook's `secret_key`. */
  secret: string;
  /** @default 300 */
  toleranceSeconds?: number;
  /** The current time: a Date, or Unix seconds like `t`. @default new Date() */
  now?: Date | number;
}

export interface SignWebhookOptions {
  payload: WebhookPayload;
  secret: string;
  /** Unix seconds. @default the current time */
  timestamp?: number;
}

const encoder = new TextEncoder();

function toBytes(payload: WebhookPayload): Uint8Array {
  return typeof payload === 'string' ? encoder.encode(payload) : new Uint8Array(payload as ArrayBuffer);
}

const fail = (reason: WebhookSignatureFailure, message: string) => new WebhookSignatureError(reason, message);

/** Returns the `Gigapay-Signature` header for a payload. For tests and the sandbox. */
export async function signWebhookPayload({ payload, secret, timestamp }: SignWebhookOptions): Promise<string> {
  const t = String(timestamp ?? Math.floor(Date.now() / 1000));
  return `t=${t},v1=${toHex(await hmac(secret, t, toBytes(payload)))}`;
}

/**
 * Resolves with the signature's timestamp when the header is genuine and recent; otherwise throws
 * a `WebhookSignatureError` whose `reason` says what is wrong.
 */
export async function verifyWebhookSignature(options: VerifyWebhookOptions): Promise<{ timestamp: number }> {
  const { payload, header, secret, toleranceSeconds = 300, now = new Date() } = options;
  if (typeof payload !== 'string' && !(payload instanceof Uint8Array) && !(payload instanceof ArrayBuffer)) {
    throw fail('body_reserialized', 'The payload must be the raw request body (string or bytes), not a parsed object.');
  }
  if (!header) throw fail('missing_header', 'No Gigapay-Signature header.');

  let t: string | undefined;
  const signatures: Uint8Array[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at < 0) throw fail('malformed_header', 'Gigapay-Signature must read t=<unix seconds>,v1=<hex>.');
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 't') {
      if (t !== undefined || !/^\d{1,12}$/.test(value)) {
        throw fail('malformed_header', 'Gigapay-Signature must have exactly one t=<unix seconds>.');
      }
      t = value;
    } else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) {
      signatures.push(Uint8Array.from(value.match(/../g)!, (pair) => parseInt(pair, 16)));
    }
  }
  if (t === undefined) throw fail('malformed_header', 'Gigapay-Signature has no t=<unix seconds>.');
  if (!signatures.length) throw fail('malformed_header', 'Gigapay-Signature has no v1=<64 hex digits>.');

  const nowSeconds = typeof now === 'number' ? now : now.getTime() / 1000;
  const skew = nowSeconds - Number(t);
  if (Math.abs(skew) > toleranceSeconds) {
    const direction = skew > 0 ? `${Math.round(skew)} s old` : `${Math.round(-skew)} s in the future`;
    throw fail(
      'timestamp_outside_tolerance',
      `Gigapay-Signature timestamp is ${direction}, beyond the ${toleranceSeconds} s tolerance (a replay, or a clock off).`,
    );
  }

  const matches = async (body: Uint8Array) => {
    const expected = await hmac(secret, t!, body);
    return signatures.some((signature) => timingSafeEqual(signature, expected));
  };
  if (await matches(toBytes(payload))) return { timestamp: Number(t) };
  if (await signedInAnotherForm(payload, matches)) {
    throw fail(
      'body_reserialized',
      'The signature matches another serialisation of this JSON: the body was parsed and re-serialised ' +
        'before verification. Pass the raw request body exactly as received.',
    );
  }
  throw fail(
    'no_matching_signature',
    'No v1 signature matches: check the secret_key, and that the payload is the raw body exactly as received ' +
      '(not re-serialised, re-encoded or trimmed).',
  );
}

/**
 * A receiver that parsed the body and serialised it again (`JSON.stringify(req.body)`) sends
 * different bytes than were signed. If the signature matches a common server-side form of the
 * same JSON (Python's `json.dumps`, with or without `ensure_ascii`, or compact), that is what
 * happened. Only tried after a failure, so genuine deliveries pay nothing for it.
 */
async function signedInAnotherForm(payload: WebhookPayload, matches: (body: Uint8Array) => Promise<boolean>) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof payload === 'string' ? payload : new TextDecoder().decode(payload));
  } catch {
    return false;
  }
  for (const [separator, ascii] of [[', ', true], [', ', false], [',', true], [',', false]] as const) {
    if (await matches(encoder.encode(serialise(parsed, separator, ascii)))) return true;
  }
  return false;
}

function serialise(value: unknown, separator: string, ascii: boolean): string {
  const colon = separator === ',' ? ':' : ': ';
  if (Array.isArray(value)) return `[${value.map((item) => serialise(item, separator, ascii)).join(separator)}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => serialise(k, separator, ascii) + colon + serialise(v, separator, ascii));
    return `{${entries.join(separator)}}`;
  }
  const json = JSON.stringify(value);
  return ascii ? json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/**
 * Verifies the signature, then parses the body as the object of the given event. Gigapay sends the
 * object itself (no envelope), with `employee` and `invoice` as ids.
 */
export async function parseWebhook<Event extends WebhookEventName>(
  options: VerifyWebhookOptions & { event: Event },
): Promise<Expand<WebhookPayloads[Event]>> {
  await verifyWebhookSignature(options);
  const { payload } = options;
  return JSON.parse(typeof payload === 'string' ? payload : new TextDecoder().decode(payload));
}
