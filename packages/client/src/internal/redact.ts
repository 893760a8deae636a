/**
 * Replaces the token in `text`, raw or percent-encoded in any mix (`%2B` or `%2b`, or even an
 * unreserved character escaped), as a server may quote it in a `Location` or an error body.
 */
export function redact(text: string, secret: string | undefined): string {
  if (!secret) return text;
  const pattern = Array.from(secret, (char) => {
    const escaped = Array.from(new TextEncoder().encode(char), (byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
    return `(?:${char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')}|${escaped})`;
  }).join('');
  return text.replace(new RegExp(pattern, 'gi'), '[redacted]');
}
