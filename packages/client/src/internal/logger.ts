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

export interface ObserverOptions {
  logger: Logger;
  logLevel: LogLevel;
  onRequest: ((event: RequestEvent) => void) | undefined;
  onResponse: ((event: ResponseEvent) => void) | undefined;
}

export type Observer = ReturnType<typeof createObserver>;

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'off'];

/**
 * What the transport reports of each attempt, to the hooks and as log lines: debug for every
 * attempt, info for a retry, warn for a call that gives up without an answer or on a 5xx, error
 * for a refused redirect (a configuration mistake). Events carry only strings the transport has
 * already redacted.
 */
export function createObserver({ logger, logLevel, onRequest, onResponse }: ObserverOptions) {
  const threshold = LEVELS.indexOf(logLevel);
  const log = (level: Exclude<LogLevel, 'off'>, message: string, event: RequestEvent) => {
    if (LEVELS.indexOf(level) >= threshold) logger[level](`[gigapay] ${message}`, event);
  };
  return {
    request(event: RequestEvent) {
      onRequest?.(event);
      log('debug', `${event.method} ${event.url} attempt ${event.attempt}`, event);
    },
    response(event: ResponseEvent) {
      onResponse?.(event);
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
