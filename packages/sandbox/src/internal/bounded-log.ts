/**
 * A log that keeps its newest `capacity` entries: a longer run would otherwise grow the process
 * without bound (the webhook delivery log reached 868 MiB after 100k events). The oldest entry goes
 * first and is counted, so a reader can tell a short log from a cut one.
 *
 * A ring buffer, so that dropping costs the same at any capacity (an array's `shift()` moves
 * every entry).
 */
export const DEFAULT_LOG_SIZE = 1000;

/** The `logSize` option, checked: a non-negative integer (`0` keeps nothing and counts everything). */
export function resolveLogSize(logSize: number = DEFAULT_LOG_SIZE): number {
  if (!Number.isSafeInteger(logSize) || logSize < 0) throw new RangeError(`logSize must be a non-negative integer, got ${String(logSize)}`);
  return logSize;
}

export class BoundedLog<T> {
  private ring: T[] = [];
  /** Index in `ring` of the oldest entry, once the ring is full. */
  private start = 0;
  /** Entries dropped to stay within `capacity` since the log was made or last cleared. */
  dropped = 0;

  constructor(readonly capacity: number) {}

  get length(): number {
    return this.ring.length;
  }

  push(entry: T): void {
    if (this.capacity === 0) {
      this.dropped++;
    } else if (this.ring.length < this.capacity) {
      this.ring.push(entry);
    } else {
      this.ring[this.start] = entry;
      this.start = (this.start + 1) % this.capacity;
      this.dropped++;
    }
  }

  /** The kept entries, oldest first (a copy). */
  entries(): T[] {
    return [...this.ring.slice(this.start), ...this.ring.slice(0, this.start)];
  }

  clear(): void {
    this.ring = [];
    this.start = 0;
    this.dropped = 0;
  }
}
