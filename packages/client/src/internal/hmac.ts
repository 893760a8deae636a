/**
 * HMAC-SHA256 with Web Crypto, and a constant-time comparison: for browsers and edge runtimes.
 * Node gets `hmac-node.ts` instead (the `node` export condition of `./webhooks`), with the same
 * exports: node:crypto costs a fraction of Web Crypto per call there.
 */
import type { WebhookPayload } from './payload.js';

const keys = new Map<string, Promise<CryptoKey>>();

/**
 * Imported keys are cached per secret: importKey costs more than the HMAC of a small body. A failed
 * import is not kept, so that the next call tries again.
 */
export function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= 32) keys.clear(); // a handful of secrets in practice; never grow without bound
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    keys.set(secret, key);
    key.catch(() => keys.delete(secret));
  }
  return key;
}

/**
 * HMAC-SHA256 of `${timestamp}.${payload}`. A Blob joins the parts as bytes: text UTF-8 encoded,
 * a view (a Buffer from a pool, a DataView) only its own range of its buffer.
 */
export async function hmac(secret: string, timestamp: string, payload: WebhookPayload): Promise<Uint8Array> {
  const message = await new Blob([`${timestamp}.`, payload as BlobPart]).arrayBuffer();
  return new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), message));
}

export const toHex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Of a string of hex digits already checked to be well formed. */
export const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));

/** Compares every byte whatever the first difference, so timing reveals nothing of the signature. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ (b[i] ?? 0);
  return difference === 0;
}
