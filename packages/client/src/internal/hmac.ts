/** HMAC-SHA256 with Web Crypto, and a constant-time comparison. */
const keys = new Map<string, Promise<CryptoKey>>();

/**
 * Imported keys are cached per secret: importKey costs more than the HMAC of a small body. A failed
 * import is not kept, so that the next call tries again.
 */
export function hmacKey(secret: string): Promise<CryptoKey> {
  // An unset secret (`process.env.X!` is undefined) would otherwise sign with the text "undefined".
  if (!secret) throw new TypeError('The webhook secret is empty: pass its secret_key');
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= 32) keys.clear(); // a handful of secrets in practice; never grow without bound
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    keys.set(secret, key);
    key.catch(() => keys.delete(secret));
  }
  return key;
}

/** The raw body: the exact bytes received (a Buffer, any typed array or DataView, an ArrayBuffer), or their text. */
export type WebhookPayload = string | ArrayBufferView | ArrayBuffer;

/** The raw body as text, to parse. */
export const toText = (payload: WebhookPayload) => (typeof payload === 'string' ? payload : new TextDecoder().decode(payload));

/**
 * HMAC-SHA256 of `${timestamp}.${payload}`. A Blob joins the parts as bytes: text UTF-8 encoded,
 * a view (a Buffer from a pool, a DataView) only its own range of its buffer.
 */
export async function hmac(secret: string, timestamp: string, payload: WebhookPayload): Promise<Uint8Array> {
  const message = await new Blob([`${timestamp}.`, payload as BlobPart]).arrayBuffer();
  return new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), message));
}

export const toHex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Compares every byte whatever the first difference, so timing reveals nothing of the signature. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ (b[i] ?? 0);
  return difference === 0;
}
