/**
 * The store every resource's table is made of: a journaled map of records by id that also keeps
 * them in creation order (`seq`) and in the secondary indexes its resource declares, so that a
 * list walks in order and stops at its page, and a life-cycle step finds "the open payrun" or
 * "the payouts of this payrun" without scanning the table. Every record it hands out is counted
 * (`recordsVisited`), so a test can tell a step that visits a page from one that scans.
 *
 * Indexes are derived from the records' fields, which handlers change in place (`update`,
 * `touch`): a touched record is marked dirty, and an index re-files the dirty records before it
 * answers. A rollback restores fields and entries through the same paths, so an index never needs
 * a journal of its own.
 */
import { JournaledMap, unwatchFields, watchFields } from './journal.js';

/** Every stored record has an id (its key, renamable through PATCH/PUT) and a creation sequence. */
export interface StoredRecord {
  id: string;
  seq: number;
}

/** Records handed out by stores (walks, index look-ups and whole-table iteration) in this process so far. */
let visited = 0;
export const recordsVisited = (): number => visited;

/** The records filed under each key of `keysOf` (none when it returns `[]`), in the order they were filed. */
export class RecordIndex<R extends StoredRecord, K> {
  private readonly buckets = new Map<K, Set<R>>();
  private readonly filed = new Map<R, readonly K[]>();

  constructor(
    private readonly keysOf: (record: R) => readonly K[],
    private readonly beforeRead: () => void,
  ) {}

  /** The records under `key`. */
  get(key: K): R[] {
    this.beforeRead();
    const bucket = this.buckets.get(key);
    if (!bucket) return [];
    visited += bucket.size;
    return [...bucket];
  }

  /** The records under `key`, oldest first (by creation sequence). */
  oldestFirst(key: K): R[] {
    return this.get(key).sort((a, b) => a.seq - b.seq);
  }

  /** The first record filed under `key` (the oldest, unless records were re-filed), if any. */
  first(key: K): R | undefined {
    this.beforeRead();
    for (const record of this.buckets.get(key) ?? []) {
      visited++;
      return record;
    }
    return undefined;
  }

  /** Files `record` under its current keys (a no-op when they have not changed). */
  file(record: R): void {
    const keys = this.keysOf(record);
    const previous = this.filed.get(record);
    if (previous && previous.length === keys.length && previous.every((key, i) => key === keys[i])) return;
    if (previous) this.unfile(record);
    for (const key of keys) {
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = new Set()));
      bucket.add(record);
    }
    this.filed.set(record, keys);
  }

  unfile(record: R): void {
    for (const key of this.filed.get(record) ?? []) {
      const bucket = this.buckets.get(key);
      bucket?.delete(record);
      if (bucket?.size === 0) this.buckets.delete(key);
    }
    this.filed.delete(record);
  }

  clear(): void {
    this.buckets.clear();
    this.filed.clear();
  }
}

export class RecordStore<R extends StoredRecord> extends JournaledMap<string, R> {
  private readonly bySeq = new Map<number, R>();
  /** Every stored seq, ascending, plus seqs removed since the last compaction (skipped on walks). */
  private order: number[] = [];
  private readonly indexes: RecordIndex<R, unknown>[] = [];
  private readonly dirty = new Set<R>();
  private readonly markDirty = (record: object): void => {
    if (this.indexes.length > 0) this.dirty.add(record as R);
  };

  /** Declares an index (in the store's constructor, before any record is stored). */
  protected index<K>(keysOf: (record: R) => readonly K[]): RecordIndex<R, K> {
    const index = new RecordIndex<R, K>(keysOf, () => this.refresh());
    for (const record of this.bySeq.values()) index.file(record);
    this.indexes.push(index as RecordIndex<R, unknown>);
    return index;
  }

  /** The records, oldest first, walked lazily: a page costs its offset plus its size. */
  *oldest(): Generator<R, void, undefined> {
    for (let i = 0; i < this.order.length; i++) {
      visited++;
      const record = this.bySeq.get(this.order[i]!);
      if (record) yield record;
    }
  }

  /** The records, newest first, walked lazily. */
  *newest(): Generator<R, void, undefined> {
    for (let i = this.order.length - 1; i >= 0; i--) {
      visited++;
      const record = this.bySeq.get(this.order[i]!);
      if (record) yield record;
    }
  }

  // Whole-table iteration is a scan: counted, so a test sees one.
  override values(): MapIterator<R> {
    return this.counted(super.values());
  }

  override keys(): MapIterator<string> {
    return this.counted(super.keys());
  }

  override entries(): MapIterator<[string, R]> {
    return this.counted(super.entries());
  }

  override [Symbol.iterator](): MapIterator<[string, R]> {
    return this.entries();
  }

  override forEach(callback: (value: R, key: string, map: Map<string, R>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  protected override added(_key: string, record: R): void {
    this.bySeq.set(record.seq, record);
    this.place(record.seq);
    watchFields(record, this.markDirty);
    for (const index of this.indexes) index.file(record);
  }

  protected override removed(_key: string, record: R): void {
    if (this.bySeq.get(record.seq) === record) this.bySeq.delete(record.seq);
    unwatchFields(record, this.markDirty);
    this.dirty.delete(record);
    for (const index of this.indexes) index.unfile(record);
    // Removed seqs stay in `order` until they are as many as the stored ones: amortised O(1).
    if (this.order.length > 2 * this.bySeq.size + 32) this.order = this.order.filter((seq) => this.bySeq.has(seq));
  }

  protected override cleared(): void {
    this.bySeq.clear();
    this.order = [];
    this.dirty.clear();
    for (const index of this.indexes) index.clear();
  }

  /** Puts `seq` in `order`: appended when newest (creation), else found (a rename or undo) or inserted. */
  private place(seq: number): void {
    const order = this.order;
    if (order.length === 0 || seq > order[order.length - 1]!) {
      order.push(seq);
      return;
    }
    let low = 0;
    let high = order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (order[middle]! < seq) low = middle + 1;
      else high = middle;
    }
    if (order[low] !== seq) order.splice(low, 0, seq);
  }

  /** Re-files the records touched since the last look-up. */
  private refresh(): void {
    for (const record of this.dirty) {
      if (this.get(record.id) !== record) continue;
      for (const index of this.indexes) index.file(record);
    }
    this.dirty.clear();
  }

  private counted<T>(inner: Iterator<T>): MapIterator<T> {
    const iterator = {
      next(): IteratorResult<T, undefined> {
        const step = inner.next();
        if (!step.done) visited++;
        return step as IteratorResult<T, undefined>;
      },
      [Symbol.iterator]() {
        return iterator;
      },
      [Symbol.toStringTag]: 'Map Iterator',
    };
    return iterator as unknown as MapIterator<T>;
  }
}

/** A sandbox-wide store of records that each belong to one account, indexed by owner (an account lists its own without a scan of everyone's). */
export class OwnedRecordStore<R extends StoredRecord & { owner: object }> extends RecordStore<R> {
  private readonly byOwner = this.index((record) => [record.owner]);

  /** The records of `owner`, oldest first. */
  ownedBy(owner: R['owner']): R[] {
    return this.byOwner.oldestFirst(owner);
  }
}
