/**
 * Sandbox time: wall-clock time plus an offset that `/_sandbox/clock/advance` moves forward, in
 * integer microseconds (the API shows six fraction digits). Every reading is strictly later than
 * the one before, so creation order is total and `newest first` never ties.
 */
export class Clock {
  private offsetMicros = 0;
  private lastMicros = 0;

  nowMicros(): number {
    const candidate = (Date.now() * 1000) + this.offsetMicros;
    this.lastMicros = candidate > this.lastMicros ? candidate : this.lastMicros + 1;
    return this.lastMicros;
  }

  /**
   * Moves sandbox time forward (never back: timestamps already handed out stay in the past), and
   * never past `CLOCK_LIMIT`: a refused move leaves the clock where it was.
   */
  advance(milliseconds: number): void {
    if (!(milliseconds >= 0)) throw new RangeError('the clock only moves forward');
    const offset = this.offsetMicros + Math.round(milliseconds * 1000);
    if (!(Date.now() * 1000 + offset < CLOCK_LIMIT_MICROS)) {
      throw new RangeError(`the clock cannot be moved past ${formatTimestamp(CLOCK_LIMIT_MICROS)} (timestamps beyond it lose their microseconds)`);
    }
    this.offsetMicros = offset;
  }

  /** Current sandbox time without consuming a tick. */
  peekMicros(): number {
    return Math.max(Date.now() * 1000 + this.offsetMicros, this.lastMicros);
  }

  /** Back to wall-clock time, as a new sandbox starts (only for a reset: nothing dated survives it). */
  reset(): void {
    this.offsetMicros = 0;
    this.lastMicros = 0;
  }

  /** The clock's readings so far, and a function that goes back to them (for a rolled-back request). */
  checkpoint(): () => void {
    const last = this.lastMicros;
    return () => {
      this.lastMicros = last;
    };
  }

  /** Everything the clock holds (for `snapshot`). */
  get state(): { offsetMicros: number; lastMicros: number } {
    return { offsetMicros: this.offsetMicros, lastMicros: this.lastMicros };
  }

  /** Back to readings saved from `state` (a sandbox restarted from its state file). */
  restore(state: { offsetMicros: number; lastMicros: number }): void {
    this.offsetMicros = state.offsetMicros;
    this.lastMicros = state.lastMicros;
  }

  get offsetMilliseconds(): number {
    return this.offsetMicros / 1000;
  }
}

export const MICROS_PER_HOUR = 3_600_000_000;

/** Sandbox time stays before 2200: up to there, microseconds since 1970 are exact in a double. */
export const CLOCK_LIMIT_MICROS = Date.UTC(2200, 0, 1) * 1000;

/** Resends (an employee's invitation, a payout's notification) wait this long after the last one. */
export const RESEND_WAIT_MICROS = 24 * MICROS_PER_HOUR;

/**
 * The instants a timestamp can show (years 0000 to 9999 in UTC, as RFC 3339 and DRF write them):
 * a date-time sent for a field outside them is refused, since it could never be answered.
 */
const FIRST_SHOWABLE_MICROS = Date.parse('0000-01-01T00:00:00Z') * 1000;
const PAST_LAST_SHOWABLE_MICROS = Date.parse('+010000-01-01T00:00:00Z') * 1000;

export function isShowable(micros: number): boolean {
  return micros >= FIRST_SHOWABLE_MICROS && micros < PAST_LAST_SHOWABLE_MICROS;
}

/** 1558521158118753 → "2019-05-22T10:32:38.118753Z"; before 1970 too (-500000 → "1969-12-31T23:59:59.500000Z"). */
export function formatTimestamp(micros: number): string {
  const millis = Math.floor(micros / 1000);
  const iso = new Date(millis).toISOString(); // …:38.118Z
  const fraction = ((micros % 1_000_000) + 1_000_000) % 1_000_000;
  return `${iso.slice(0, 19)}.${String(fraction).padStart(6, '0')}Z`;
}

/** A timestamp that may not have happened yet: `null` stays `null`. */
export const formatOptionalTimestamp = (micros: number | null): string | null => (micros === null ? null : formatTimestamp(micros));

/** Parses an RFC 3339 date-time (any fraction length, Z or offset) into microseconds. */
export function parseTimestamp(text: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!match) {
    // A bare date (2024-01-31) is accepted too, as Django's filter does: midnight UTC.
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      const ms = Date.parse(`${text}T00:00:00Z`);
      return Number.isNaN(ms) ? undefined : ms * 1000;
    }
    return undefined;
  }
  const zone = match[3] === undefined || /z/i.test(match[3]) ? 'Z' : match[3];
  const ms = Date.parse(`${match[1]!.replace(/[t ]/, 'T')}${zone}`);
  if (Number.isNaN(ms)) return undefined;
  const fraction = (match[2] ?? '').slice(0, 6).padEnd(6, '0');
  return ms * 1000 + Number(fraction);
}
