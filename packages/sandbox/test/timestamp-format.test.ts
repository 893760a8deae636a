/**
 * `formatTimestamp` builds the date part once per day (it runs several times per response): every
 * showable instant, before 1970 too, formats as `Date#toISOString` with the microseconds added.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTimestamp } from '../src/internal/clock.js';

// The range the sandbox shows (clock.ts): years 0000 to 9999.
const FIRST_SHOWABLE_MICROS = Date.parse('0000-01-01T00:00:00Z') * 1000;
const PAST_LAST_SHOWABLE_MICROS = Date.parse('+010000-01-01T00:00:00Z') * 1000;

function reference(micros: number): string {
  const iso = new Date(Math.floor(micros / 1000)).toISOString();
  const fraction = ((micros % 1_000_000) + 1_000_000) % 1_000_000;
  return `${iso.slice(0, 19)}.${String(fraction).padStart(6, '0')}Z`;
}

describe('formatTimestamp', () => {
  it('matches toISOString with microseconds, over the showable range', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: BigInt(FIRST_SHOWABLE_MICROS), max: BigInt(PAST_LAST_SHOWABLE_MICROS - 1) }).map(Number).filter((micros) => micros < PAST_LAST_SHOWABLE_MICROS), (micros) => {
        expect(formatTimestamp(micros)).toBe(reference(micros));
      }),
      { numRuns: 5000 },
    );
  });

  it('at the edges of days, seconds and the epoch, alternating days', () => {
    const day = 86_400_000_000;
    for (const micros of [0, -1, -500_000, 1, 999_999, 1_000_000, day - 1, day, -day, -day - 1, 1558521158118753, FIRST_SHOWABLE_MICROS, PAST_LAST_SHOWABLE_MICROS - 2 * day - 1_000_000]) {
      expect(formatTimestamp(micros), String(micros)).toBe(reference(micros));
      expect(formatTimestamp(micros + day), String(micros + day)).toBe(reference(micros + day));
    }
  });
});
