/**
 * Fault injection for reliability tests. Deterministic: a seeded PRNG (mulberry32) draws once per
 * API request in arrival order, so the same seed and the same request sequence give the same
 * faults. A `queue` of scripted faults is consumed first, one per matching request, for tests
 * that want "the next request fails" without probabilities.
 *
 * - `drop`: the request is fully processed (state and idempotency record committed), then the
 *   connection is destroyed before any response byte, like a network cut after the write.
 * - `error`: 500 before anything happens (nothing committed).
 * - `rateLimit`: 429 with `Retry-After` before anything happens.
 * - latency: a delay (fixed or drawn from [min, max]) before the request is handled.
 *
 * Every injected fault is logged (the newest `logSize`, the dropped ones counted).
 */
import { ROUTES } from './routes.js';
import { BoundedLog, DEFAULT_LOG_SIZE } from './bounded-log.js';

export type FaultKind = 'drop' | 'error' | 'rateLimit' | 'none';

const FAULT_KINDS: readonly string[] = ['drop', 'error', 'rateLimit', 'none'];
const OPERATION_IDS = new Set(ROUTES.flatMap((route) => Object.values(route.methods)));

export interface FaultConfig {
  /** PRNG seed. @default 1 */
  seed?: number;
  /** Probability (0–1) of dropping the connection after the write committed. @default 0 */
  dropRate?: number;
  /** Probability of a 500. @default 0 */
  errorRate?: number;
  /** Probability of a 429. @default 0 */
  rateLimitRate?: number;
  /** `Retry-After` seconds on an injected 429. @default 1 */
  retryAfterSeconds?: number;
  /** Added latency in ms: a number, or `[min, max]` drawn per request. @default 0 */
  latencyMs?: number | readonly [number, number];
  /** Only requests of these operationIds (e.g. `createPayout`) get faults. @default all */
  operations?: readonly string[];
  /** Scripted faults, consumed one per matching request before the rates apply. @default [] */
  queue?: readonly FaultKind[];
}

export interface FaultDecision {
  kind: FaultKind;
  latencyMs: number;
}

export interface InjectedFault {
  n: number;
  operationId: string;
  kind: FaultKind;
  latencyMs: number;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private config: FaultConfig = {};
  private random = mulberry32(1);
  private queue: FaultKind[] = [];
  private requests = 0;
  readonly injected: BoundedLog<InjectedFault>;

  constructor(config: FaultConfig = {}, logSize = DEFAULT_LOG_SIZE) {
    this.injected = new BoundedLog(logSize);
    this.configure(config);
  }

  /** Replaces the whole configuration and restarts the PRNG from the seed; a bad one changes nothing. */
  configure(config: FaultConfig): void {
    checkFaultConfig(config);
    this.config = { ...config };
    this.random = mulberry32(config.seed ?? 1);
    this.queue = [...(config.queue ?? [])];
    this.requests = 0;
    this.injected.clear();
  }

  get current(): FaultConfig & { pendingQueue: FaultKind[] } {
    return { ...this.config, pendingQueue: [...this.queue] };
  }

  /** Everything the injector holds: its configuration, remaining queue, requests drawn for, and log (for `snapshot`). */
  get state() {
    return { config: this.config, queue: [...this.queue], requests: this.requests, injected: this.injected.entries(), droppedInjected: this.injected.dropped };
  }

  get active(): boolean {
    const c = this.config;
    return this.queue.length > 0 || !!(c.dropRate || c.errorRate || c.rateLimitRate || c.latencyMs);
  }

  get retryAfterSeconds(): number {
    return this.config.retryAfterSeconds ?? 1;
  }

  decide(operationId: string): FaultDecision {
    const none = { kind: 'none' as const, latencyMs: 0 };
    if (!this.active) return none;
    const { operations } = this.config;
    if (operations && !operations.includes(operationId)) return none;
    this.requests++;
    const roll = this.random();
    const scripted = this.queue.shift();
    let kind: FaultKind = scripted ?? 'none';
    if (scripted === undefined) {
      const { dropRate = 0, errorRate = 0, rateLimitRate = 0 } = this.config;
      if (roll < dropRate) kind = 'drop';
      else if (roll < dropRate + errorRate) kind = 'error';
      else if (roll < dropRate + errorRate + rateLimitRate) kind = 'rateLimit';
    }
    const latency = this.config.latencyMs ?? 0;
    const latencyMs = typeof latency === 'number' ? latency : Math.round(latency[0] + this.random() * (latency[1] - latency[0]));
    if (kind !== 'none' || latencyMs > 0) this.injected.push({ n: this.requests, operationId, kind, latencyMs });
    return { kind, latencyMs };
  }
}

const isNonNegative = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Throws a `RangeError` naming the first field of `config` that is not a valid `FaultConfig` field. */
export function checkFaultConfig(config: unknown): asserts config is FaultConfig {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new RangeError('the fault configuration must be an object');
  const fields = config as Record<string, unknown>;
  const checks: Record<string, (value: unknown) => string | undefined> = {
    seed: (v) => (Number.isSafeInteger(v) ? undefined : 'must be an integer'),
    dropRate: (v) => (isNonNegative(v) && v <= 1 ? undefined : 'must be between 0 and 1'),
    errorRate: (v) => (isNonNegative(v) && v <= 1 ? undefined : 'must be between 0 and 1'),
    rateLimitRate: (v) => (isNonNegative(v) && v <= 1 ? undefined : 'must be between 0 and 1'),
    retryAfterSeconds: (v) => (Number.isSafeInteger(v) && isNonNegative(v) ? undefined : 'must be a non-negative integer'),
    latencyMs: (v) =>
      (isNonNegative(v) && v <= 60_000) || (Array.isArray(v) && v.length === 2 && v.every((n) => isNonNegative(n) && n <= 60_000) && v[0] <= v[1])
        ? undefined
        : 'must be a number of milliseconds (at most 60000) or a [min, max] pair of them',
    operations: (v) =>
      Array.isArray(v) && v.every((id) => typeof id === 'string' && OPERATION_IDS.has(id)) ? undefined : 'must be a list of operationIds of the spec (such as "createPayout")',
    queue: (v) => (Array.isArray(v) && v.every((kind) => typeof kind === 'string' && FAULT_KINDS.includes(kind)) ? undefined : `must be a list of ${FAULT_KINDS.join(', ')}`),
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const check = Object.hasOwn(checks, key) ? checks[key]! : () => `is not a fault setting (known: ${Object.keys(checks).join(', ')})`;
    const problem = check(value);
    if (problem) throw new RangeError(`${key} ${problem}`);
  }
}
