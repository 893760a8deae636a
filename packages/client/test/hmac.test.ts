/**
 * The two HMAC modules, Web Crypto (browsers, edge) and node:crypto (Node, through the `node`
 * export condition), side by side on src/: the same bytes for every kind of payload, checked
 * against node:crypto itself, and the same comparisons.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as web from '../src/internal/hmac.js';
import * as node from '../src/internal/hmac-node.js';
import { toText } from '../src/internal/payload.js';

const expected = (secret: string, t: string, text: string) => createHmac('sha256', secret).update(`${t}.${text}`).digest('hex');

/** Every form a raw body may come in, a view taking only its own range of a larger buffer. */
function forms(text: string) {
  const bytes = new TextEncoder().encode(text);
  const padded = new Uint8Array(bytes.length + 6).fill(0x7b);
  padded.set(bytes, 3);
  return {
    text,
    bytes,
    buffer: bytes.buffer,
    nodeBuffer: Buffer.from(text),
    subarray: padded.subarray(3, 3 + bytes.length),
    dataView: new DataView(padded.buffer, 3, bytes.length),
  };
}

for (const [name, module] of Object.entries({ web, node })) {
  describe(`internal/${name === 'web' ? 'hmac' : 'hmac-node'}`, () => {
    it('is HMAC-SHA256 of "t.payload", for every form of the payload', async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ minLength: 1 }), fc.string({ unit: 'grapheme' }), fc.nat().map(String), async (secret, text, t) => {
          for (const payload of Object.values(forms(text))) {
            expect(module.toHex(await module.hmac(secret, t, payload))).toBe(expected(secret, t, text));
          }
        }),
        { numRuns: 50 },
      );
    });

    it('turns hex into bytes and back, in lower case', () => {
      const bytes = module.fromHex('00ff10Ab');
      expect([...bytes]).toEqual([0, 255, 16, 171]);
      expect(module.toHex(bytes)).toBe('00ff10ab');
      expect(module.toHex(new Uint8Array([1, 2, 3]).subarray(1))).toBe('0203');
    });

    it('compares equal bytes as equal, and any difference or other length as not', () => {
      const a = module.fromHex('a1'.repeat(32));
      expect(module.timingSafeEqual(a, module.fromHex('a1'.repeat(32)))).toBe(true);
      for (let i = 0; i < 32; i++) {
        const b = Uint8Array.from(a);
        b[i]! ^= 1;
        expect(module.timingSafeEqual(a, b)).toBe(false);
      }
      expect(module.timingSafeEqual(a, a.subarray(0, 31))).toBe(false);
      expect(module.timingSafeEqual(a.subarray(0, 31), a)).toBe(false);
      expect(module.timingSafeEqual(new Uint8Array(), new Uint8Array())).toBe(true);
    });
  });
}

it('toText decodes bytes as UTF-8 and passes text through', () => {
  for (const payload of Object.values(forms('{"name": "Åsa"}'))) expect(toText(payload)).toBe('{"name": "Åsa"}');
});
