/** HMAC-SHA256 with Web Crypto, and a constant-time comparison. */
export const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

/** Imported keys are cached per secret: importKey costs more than the HMAC of a small body. */
export function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= 32) keys.clear(); // a handful of secrets in practice; never grow without bound
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    keys.set(secret, key);
  }
  return key;
}

/** The raw body as bytes: text is UTF-8 encoded; bytes are taken as they are. */
export function toBytes(payload: string | Uint8Array | ArrayBuffer): Uint8Array {
  return typeof payload === 'string' ? encoder.encode(payload) : new Uint8Array(payload as ArrayBuffer);
}

export async function hmac(secret: string, timestamp: string, payload: Uint8Array): Promise<Uint8Array> {
  const prefix = encoder.encode(`${timestamp}.`);
  const message = new Uint8Array(prefix.length + payload.length);
  message.set(prefix);
  message.set(payload, prefix.length);
  return new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), message));
}

export const toHex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Compares every byte whatever the first difference, so timing reveals nothing of the signature. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ (b[i] ?? 0);
  return difference === 0;
}
