export interface AttemptSignal {
  /** Aborts when the caller aborts or this attempt runs out of time. */
  signal: AbortSignal;
  /** True when the attempt's own timer fired (as opposed to the caller aborting). */
  timedOut(): boolean;
  /** Clears the timer and the listener on the caller's signal; call once the attempt is over. */
  done(): void;
}

/**
 * One signal per attempt: a timer made once per client (or per call) would fire during later
 * attempts. Combined by hand rather than with `AbortSignal.any`, which leaks in Node when one of
 * the inputs is a long-lived signal (nodejs/node#54614, #55351), and cleaned up explicitly.
 */
export function attemptSignal(caller: AbortSignal | null | undefined, timeoutMs: number): AttemptSignal {
  const controller = new AbortController();
  let timedOut = false;
  const timer =
    timeoutMs > 0 && timeoutMs < 2 ** 31
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new DOMException(`Timed out after ${timeoutMs} ms`, 'TimeoutError'));
        }, timeoutMs)
      : undefined;
  const onCallerAbort = () => controller.abort(caller?.reason);
  if (caller?.aborted) onCallerAbort();
  else caller?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    done() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}

/** Waits `ms`, or rejects with the caller's reason as soon as the caller aborts. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
