/**
 * Gigapay webhook signatures: `Gigapay-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`, where each
 * `v1` is HMAC-SHA256(secret, `${t}.${raw body}`). On Node with node:crypto, elsewhere (browsers,
 * edge runtimes) with Web Crypto: see internal/hmac.ts.
 */
import type { WebhookEventName, WebhookPayloads } from '@gigapay/types';
import { fromHex, hmac, toHex, timingSafeEqual } from './internal/hmac.js';
import { toText, type WebhookPayload } from './internal/payload.js';
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
  | 'no_matching_signature'
  /** Genuine, but no `Gigapay-Event` header and no `event` given (`constructWebhookEvent`). */
  | 'missing_event';

export class WebhookSignatureError extends Error {
  override name = 'WebhookSignatureError';
  constructor(
    readonly reason: WebhookSignatureFailure,
    message: string,
  ) {
    super(message);
  }
}

export type { WebhookPayload };

export interface VerifyWebhookOptions {
  payload: WebhookPayload;
  /**
   * The `Gigapay-Signature` header, as one string. An array (Node's type for a header sent twice)
   * or anything else is a `malformed_header`.
   */
  header: string | readonly string[] | null | undefined;
  /** The webhook's `secret_key`. */
  secret: string;
  /** How far `t` may be from `now`, either way; a number ≥ 0 (`Infinity` turns the check off). @default 300 */
  toleranceSeconds?: number;
  /** The current time: a valid Date, or Unix seconds like `t`. @default new Date() */
  now?: Date | number;
  /**
   * When no `v1` matches, also try the common re-serialised forms of the body (Python's
   * `json.dumps`, …) to report `body_reserialized`. That costs three more HMACs per failure, so
   * that anyone who can reach your endpoint could make each forged request 4× the work: turn it on
   * while setting a receiver up, not for traffic from the internet.
   * @default false
   */
  diagnose?: boolean;
}

export interface SignWebhookOptions {
  payload: WebhookPayload;
  secret: string;
  /** Unix seconds. @default the current time */
  timestamp?: number;
}

/**
 * A verdict on a request, not a bug to trace: made without a stack trace, whose capture costs more
 * than the HMAC itself (a forged request must cost what a genuine one does: see webhooks.bench.ts).
 * `Reflect.set` leaves a frozen `Error` be.
 */
function fail(reason: WebhookSignatureFailure, message: string): WebhookSignatureError {
  const limit = Error.stackTraceLimit;
  Reflect.set(Error, 'stackTraceLimit', 0);
  const error = new WebhookSignatureError(reason, message);
  Reflect.set(Error, 'stackTraceLimit', limit);
  return error;
}

/** An unset secret (`process.env.X!` is undefined) would otherwise sign with the text "undefined". */
function checkSecret(secret: unknown): asserts secret is string {
  if (!secret || typeof secret !== 'string') throw new TypeError('The webhook secret is empty: pass its secret_key');
}

/** Returns the `Gigapay-Signature` header for a payload. For tests and the sandbox. */
export async function signWebhookPayload({ payload, secret, timestamp }: SignWebhookOptions): Promise<string> {
  checkSecret(secret);
  const t = String(timestamp ?? Math.floor(Date.now() / 1000));
  return `t=${t},v1=${toHex(await hmac(secret, t, payload))}`;
}

/**
 * Resolves with the signature's timestamp when the header is genuine and recent; otherwise throws
 * a `WebhookSignatureError` whose `reason` says what is wrong.
 */
export async function verifyWebhookSignature(options: VerifyWebhookOptions): Promise<{ timestamp: number }> {
  const { payload, header, secret, toleranceSeconds = 300, now = new Date(), diagnose = false } = options;
  // The caller's mistakes first, whatever the request: they are not verdicts on it.
  checkSecret(secret);
  const nowSeconds = typeof now === 'number' ? now : now.getTime() / 1000;
  // A NaN would let any timestamp through: a mistake of the caller's, not a bad signature.
  if (!(Number.isFinite(nowSeconds) && toleranceSeconds >= 0)) {
    throw new TypeError('verifyWebhookSignature: `now` must be a valid time, `toleranceSeconds` a number >= 0');
  }
  if (typeof payload == 'object' && !ArrayBuffer.isView(payload) && !(payload instanceof ArrayBuffer)) {
    throw fail('body_reserialized', 'payload must be the raw body (string or bytes), not a parsed object');
  }
  if (header == null || header === '') throw fail('missing_header', 'no Gigapay-Signature header');
  if (typeof header !== 'string') {
    throw fail('malformed_header', 'Gigapay-Signature must be one string');
  }
  const malformed = () => fail('malformed_header', 'Gigapay-Signature must read t=<unix seconds>,v1=<64 hex digits>');

  let t: string | undefined;
  const signatures: Uint8Array[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at < 0) throw malformed();
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 't') {
      if (t !== undefined || !/^\d{1,12}$/.test(value)) throw malformed();
      t = value;
    } else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) {
      signatures.push(fromHex(value));
    }
  }
  if (t === undefined || !signatures.length) throw malformed();

  const skew = nowSeconds - Number(t);
  // Negated, so that a NaN anywhere rejects.
  if (!(Math.abs(skew) <= toleranceSeconds)) {
    const age = skew > 0 ? `${Math.round(skew)} s old` : `${Math.round(-skew)} s in the future`;
    throw fail('timestamp_outside_tolerance', `t is ${age}, beyond the ${toleranceSeconds} s tolerance: a replay, or a clock off`);
  }

  const matches = async (body: WebhookPayload) => {
    const expected = await hmac(secret, t!, body);
    return signatures.some((signature) => timingSafeEqual(signature, expected));
  };
  if (await matches(payload)) return { timestamp: Number(t) };
  // Only on request: a forged signature must cost what a genuine one costs (see webhooks.bench.ts).
  if (diagnose && (await signedInAnotherForm(payload, matches))) {
    throw fail('body_reserialized', 'the body was re-serialised after parsing: verify the raw body as received');
  }
  const hint = diagnose ? '' : ' (diagnose: true tells if it was re-serialised)';
  throw fail('no_matching_signature', `no v1 matches: check the secret_key, and pass the raw body as received${hint}`);
}

/**
 * A receiver that parsed the body and serialised it again (`JSON.stringify(req.body)`) sends
 * different bytes than were signed. If the signature matches a common server-side form of the
 * same JSON (Python's `json.dumps`, with or without `ensure_ascii`, or compact), that is what
 * happened. Only tried after a failure and with `diagnose`, so nobody else pays for it.
 */
async function signedInAnotherForm(payload: WebhookPayload, matches: (body: WebhookPayload) => Promise<boolean>) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(toText(payload));
  } catch {
    return false;
  }
  // Python's json.dumps, with and without ensure_ascii, and its compact form. (Compact without
  // escapes is JSON.stringify's own form, that is the payload itself, already tried.)
  for (const [python, ascii] of [[1, 1], [1, 0], [0, 1]]) {
    // Indented output has no raw newline inside strings, so the indentation can be folded safely.
    let text = python ? JSON.stringify(parsed, null, 1).replace(/,\n */g, ', ').replace(/\n */g, '') : JSON.stringify(parsed);
    if (ascii) text = text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (await matches(text)) return true;
  }
  return false;
}

/**
 * Verifies the signature, then parses the body as the object of the given event: for a URL that
 * receives one event. Gigapay sends the object itself (no envelope), expandable fields as ids.
 * `constructWebhookEvent` and `receiveWebhook` read the event from `Gigapay-Event` instead, and the
 * integration from `Gigapay-Integration-Id`.
 */
export async function parseWebhook<Event extends WebhookEventName>(
  options: VerifyWebhookOptions & { event: Event },
): Promise<Expand<WebhookPayloads[Event]>> {
  await verifyWebhookSignature(options);
  return JSON.parse(toText(options.payload));
}

export {
  constructWebhookEvent,
  receiveWebhook,
  type ConstructWebhookEventOptions,
  type KnownWebhookEvent,
  type ReceiveWebhookOptions,
  type UnknownWebhookEvent,
  type WebhookEvent,
  type WebhookHandlers,
  type WebhookHeaders,
} from './webhook-events.js';
