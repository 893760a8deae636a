import { randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

const idText = (value: unknown): unknown => (typeof value === 'number' ? String(value) : value);

/**
 * A request body with its ids as text. Ids may be sent as numbers (the docs send `"id": 9472`
 * and `"employee": 1847`); the API keeps and answers them as strings. Covers `id`, `employee`
 * and an inline employee's `id`, of one object or of each item of a bulk array.
 */
export function idsAsText(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(idsAsText);
  if (body === null || typeof body !== 'object') return body;
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  if ('id' in out) out.id = idText(out.id);
  if ('employee' in out) out.employee = out.employee !== null && typeof out.employee === 'object' ? idsAsText(out.employee) : idText(out.employee);
  return out;
}

/** An API token like Gigapay's: 40 lowercase hex characters. */
export const newToken = (): string => randomBytes(20).toString('hex');

/** A webhook secret like Gigapay's default: 32 characters of [a-z0-9]. */
export function newSecretKey(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(32), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** A 12-digit bank reference whose last digit is a Luhn check digit, like Swedish OCR numbers. */
export function ocrNumber(sequence: number): string {
  const body = String(98_691_116_038 + sequence * 7919).slice(-11).padStart(11, '0');
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return body + String((10 - (sum % 10)) % 10);
}
