import type { GigapayError } from '../errors.js';

/** As in the Stainless SDKs: each level includes the ones after it; `'off'` logs nothing. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/** Where log lines go: `console`, or any object with these methods (pino, winston, …). */
export interface Logger {
  debug(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

/** One attempt of a call, as `onRequest` sees it (and log lines name it). Never a header: no token. */
export interface RequestEvent {
  method: string;
  url: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  idempotencyKey: string | undefined;
}

/** The outcome of one attempt, as `onResponse` sees it. */
export interface ResponseEvent extends RequestEvent {
  /** Undefined when no response arrived (see `error`); a response whose body broke has one, and an `error`. */
  status: number | undefined;
  requestId: string | undefined;
  /** From sending until the attempt ended: the whole body arrived, or the attempt failed. */
  durationMs: number;
  /** What ended this attempt without a usable answer: a `ConnectionError`, `TimeoutError`, `ResponseBodyError`, `RedirectError` or `AbortError`. */
  error: GigapayError | undefined;
  /** Whether the client tries again. */
  willRetry: boolean;
}

/** What `logTo` makes: the two hooks, ready to pass to `createGigapayClient` (or to call from yours). */
export interface LogHooks {
  onRequest: (event: RequestEvent) => void;
  onResponse: (event: ResponseEvent) => void;
}

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'off'];

/**
 * Log lines of every attempt, as the `onRequest` and `onResponse` hooks: debug for every attempt,
 * info for a retry, warn for a call that gives up without an answer or on a 5xx, error for a
 * refused redirect (a configuration mistake). Events carry only strings the transport has already
 * redacted. A function of its own, so that a client that logs nothing carries none of it.
 *
 * @example
 * createGigapayClient({ token, ...logTo(console, 'info') });
 */
export function logTo(logger: Logger, logLevel: LogLevel): LogHooks {
  const threshold = LEVELS.indexOf(logLevel);
  const log = (level: Exclude<LogLevel, 'off'>, message: string, event: RequestEvent) => {
    if (LEVELS.indexOf(level) >= threshold) logger[level](`[gigapay] ${message}`, event);
  };
  return {
    onRequest(event) {
      log('debug', `${event.method} ${event.url} attempt ${event.attempt}`, event);
    },
    onResponse(event) {
      // An attempt that failed (a 2xx whose body broke included) says so: its status alone would read as an answer.
      const ms = Math.round(event.durationMs);
      const outcome = event.error ? `failed in ${ms} ms: ${event.error.message}` : `${event.status} in ${ms} ms`;
      const line = `${event.method} ${event.url} attempt ${event.attempt}: ${outcome}`;
      if (event.willRetry) log('info', `${line}; retrying`, event);
      else if (event.error?.name === 'RedirectError') log('error', event.error.message, event);
      else if (event.error || event.status! >= 500) log('warn', `${line}; giving up`, event);
      else log('debug', line, event);
    },
  };
}
