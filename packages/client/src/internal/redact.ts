/**
 * Replaces the token in `text`, raw or percent-encoded in any mix (`%2B` or `%2b`, or even an
 * unreserved character escaped), as a server may quote it in a `Location` or an error body.
 */
export function redact(text: string, secret: string | undefined): string {
  if (!secret) return text;
  // Every attempt redacts its URL for the hooks: the pattern is built once per token, not per call.
  if (last?.secret !== secret) last = { secret, pattern: patternOf(secret) };
  return text.replace(last.pattern, '[redacted]');
}

let last: { secret: string; pattern: RegExp } | undefined;

function patternOf(secret: string): RegExp {
  const pattern = Array.from(secret, (char) => {
    const escaped = Array.from(new TextEncoder().encode(char), (byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
    return `(?:${char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')}|${escaped})`;
  }).join('');
  return new RegExp(pattern, 'gi');
}
