/**
 * Transactions: a request commits all of its writes, or none. While a transaction is open, every
 * change to the state is journaled (map writes through `JournaledMap`, record fields through
 * `touch`, anything else through `onRollback`), and effects that must not happen unless it commits
 * (webhook deliveries) wait in `afterCommit`. `rollback()` undoes the journal newest first.
 *
 * Handlers and response validation are synchronous, so a transaction never spans an `await` and
 * at most one is open in the process: the journal can be module state.
 */
type Action = () => void;

export class Transaction {
  private readonly undo: Action[] = [];
  private readonly effects: Action[] = [];
  private readonly touched = new Set<object>();
  private done = false;

  /** Journals an undo step (run by `rollback`, newest first). */
  onRollback(action: Action): void {
    this.undo.push(action);
  }

  /** Saves the fields of `record` the first time it is touched in this transaction. */
  touch(record: object): void {
    if (this.touched.has(record)) return;
    this.touched.add(record);
    const saved = { ...record };
    this.undo.push(() => {
      for (const key of Object.keys(record)) if (!Object.hasOwn(saved, key)) delete (record as Record<string, unknown>)[key];
      Object.assign(record, saved);
    });
  }

  defer(effect: Action): void {
    this.effects.push(effect);
  }

  /**
   * Keeps every write and runs the deferred effects, in order. An effect that throws does not stop
   * the ones after it; the first error is thrown once all have run, the writes kept (the caller
   * has committed, and must still answer as committed).
   */
  commit(): void {
    if (!this.finish()) return;
    commits++;
    const failures: unknown[] = [];
    for (const effect of this.effects) {
      try {
        effect();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length) throw failures[0];
  }

  /** Undoes every journaled write and drops the deferred effects. */
  rollback(): void {
    if (!this.finish()) return;
    for (let i = this.undo.length - 1; i >= 0; i--) this.undo[i]!();
  }

  get finished(): boolean {
    return this.done;
  }

  private finish(): boolean {
    if (this.done) return false;
    this.done = true;
    if (open === this) open = undefined;
    return true;
  }
}

let open: Transaction | undefined;
/** Transactions committed in this process so far: a change of it means some state changed. */
let commits = 0;
export const committedCount = (): number => commits;

/** Opens the transaction of one request (or control call). */
export function begin(): Transaction {
  if (open && !open.finished) throw new Error('a transaction is already open');
  open = new Transaction();
  return open;
}

/**
 * Runs `work` in a transaction: committed when it returns, rolled back when it throws. An effect
 * that fails after the commit (a sandbox bug, never a refusal) is thrown with the writes kept.
 */
export function atomically<T>(work: () => T): T {
  const transaction = begin();
  let result: T;
  try {
    result = work();
  } catch (error) {
    transaction.rollback();
    throw error;
  }
  transaction.commit();
  return result;
}

/** Call before changing a field of a state record, so a rollback can restore it. */
export function touch(record: object): void {
  open?.touch(record);
}

/** Runs `effect` when the open transaction commits (at once when none is open). */
export function afterCommit(effect: Action): void {
  if (open) open.defer(effect);
  else effect();
}

/**
 * A `Map` whose writes are undone when the open transaction rolls back. `version` changes with
 * every write (and every undo), so views derived from the map know when to rebuild.
 */
export class JournaledMap<K, V> extends Map<K, V> {
  version = 0;

  override set(key: K, value: V): this {
    if (open) {
      const had = super.has(key);
      const previous = super.get(key) as V;
      open.onRollback(() => (had ? this.restore(key, previous) : this.forget(key)));
    }
    this.version++;
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    if (open && super.has(key)) {
      const previous = super.get(key) as V;
      open.onRollback(() => this.restore(key, previous));
    }
    this.version++;
    return super.delete(key);
  }

  override clear(): void {
    if (open) {
      const entries = [...this.entries()];
      open.onRollback(() => {
        for (const [key, value] of entries) this.restore(key, value);
      });
    }
    this.version++;
    super.clear();
  }

  private restore(key: K, value: V): void {
    this.version++;
    Map.prototype.set.call(this, key, value);
  }

  private forget(key: K): void {
    this.version++;
    Map.prototype.delete.call(this, key);
  }
}
