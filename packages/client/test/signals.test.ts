/** The per-attempt signal and the backoff sleep, on their own (real timers: a few ms each). */
import { describe, expect, it } from 'vitest';
import { attemptSignal, sleep } from '../src/internal/signals.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('attemptSignal', () => {
  it('aborts with a TimeoutError DOMException naming the limit once the time is up', async () => {
    const attempt = attemptSignal(undefined, 5);
    expect(attempt.signal.aborted).toBe(false);
    await wait(30);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.timedOut()).toBe(true);
    expect(attempt.signal.reason).toBeInstanceOf(DOMException);
    expect(attempt.signal.reason).toMatchObject({ name: 'TimeoutError', message: 'Timed out after 5 ms' });
  });

  it('sets no timer for 0 (off) or for a limit setTimeout cannot hold (it would fire at once)', async () => {
    const attempts = [0, -1, 2 ** 31, Infinity].map((ms) => attemptSignal(undefined, ms));
    await wait(20);
    for (const attempt of attempts) {
      expect(attempt.signal.aborted).toBe(false);
      expect(attempt.timedOut()).toBe(false);
    }
    const longest = attemptSignal(undefined, 2 ** 31 - 1); // still a timer, that does not fire now
    await wait(5);
    expect(longest.signal.aborted).toBe(false);
    longest.done();
  });

  it("follows the caller's signal, already aborted or aborting later, with the caller's reason", () => {
    const early = new AbortController();
    early.abort(new Error('before'));
    const before = attemptSignal(early.signal, 1000);
    expect(before.signal.aborted).toBe(true);
    expect(before.signal.reason).toBe(early.signal.reason);
    expect(before.timedOut()).toBe(false);
    before.done();

    const late = new AbortController();
    const after = attemptSignal(late.signal, 1000);
    expect(after.signal.aborted).toBe(false);
    const reason = new Error('later');
    late.abort(reason);
    expect(after.signal.reason).toBe(reason);
    expect(after.timedOut()).toBe(false);
    after.done();
  });

  it('done() stops the timer and stops following the caller', async () => {
    const caller = new AbortController();
    const attempt = attemptSignal(caller.signal, 5);
    attempt.done();
    await wait(20);
    caller.abort();
    expect(attempt.signal.aborted).toBe(false);
  });
});

describe('sleep', () => {
  it('resolves after the time', async () => {
    const started = performance.now();
    await sleep(15);
    expect(performance.now() - started).toBeGreaterThanOrEqual(14);
  });

  it("rejects at once with the caller's reason, when aborted before or during", async () => {
    const before = new AbortController();
    before.abort(new Error('before'));
    await expect(sleep(10_000, before.signal)).rejects.toBe(before.signal.reason);

    const during = new AbortController();
    const pending = sleep(10_000, during.signal);
    const reason = new Error('during');
    during.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('lets go of the signal once it has resolved', async () => {
    const controller = new AbortController();
    const listening = new Map<string, number>();
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    const count = (type: string, by: number) => listening.set(type, (listening.get(type) ?? 0) + by);
    signal.addEventListener = ((...args: Parameters<typeof add>) => (count(args[0], 1), add(...args))) as typeof add;
    signal.removeEventListener = ((...args: Parameters<typeof remove>) => (count(args[0], -1), remove(...args))) as typeof remove;
    await sleep(1, signal);
    expect(Object.fromEntries(listening)).toEqual({ abort: 0 });
  });
});
