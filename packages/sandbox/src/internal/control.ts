/**
 * Lifecycle and test controls: what Gigapay and the employee would do in real life, plus the
 * clock, fault injection and the webhook delivery log. One control object serves both surfaces:
 * `sandbox.control` in code, and the HTTP routes under `/_sandbox/`, which only translate requests
 * into its calls. Its errors are `ApiError`s (plain `Error`s with the message in `detail`): the
 * routes answer them with their status, code sees them thrown.
 *
 * The routes take no token (the sandbox listens on loopback only, and the app refuses `Host`
 * names that are not loopback or configured); `Integration-ID` picks the integration and defaults
 * to the ready default one. Writes are accepted only as `application/json`: a cross-site page can
 * send a `text/plain` POST without a CORS preflight, but not a JSON one.
 */
import { Hono, type Context } from 'hono';
import { formatTimestamp } from './clock.js';
import { ApiError } from './errors.js';
import { atomically } from './journal.js';
import { checkJsonDepth, readBody, type Limits } from './limits.js';
import type { Credentials, SandboxCore } from './core.js';
import type { FaultConfig, InjectedFault } from './faults.js';
import type { Delivery } from './webhook-delivery.js';
import { CONTROL_STEPS, type RegisteredStep } from '../resources/index.js';
import { dumpRecords } from '../resources/dump.js';
import { integrationsOf } from '../resources/integrations/record.js';
import type { Json } from '../resources/resource.js';

export interface DeliveryFilter {
  event?: string;
  webhookId?: string;
}

/**
 * The life-cycle steps the resources declare (`src/resources/<resource>/index.ts`), as public,
 * documented methods. Written out here so that the published types stay small and documented; the
 * check below fails to compile when a resource's step is missing here or one here has no resource.
 */
export interface LifecycleControls {
  /** Sets `invoice_enabled` on (the default) for integration `integrationId`. */
  enableInvoicing(integrationId: string): Json;
  /** Sets `invoice_enabled` off for integration `integrationId`: issuing its invoices answers 403. */
  disableInvoicing(integrationId: string): Json;
  /** Pays a payrun (closing it first when open): its invoice gets `paid_at`, `Payrun.paid`, then its payouts are notified (`Payout.notified`). */
  payPayrun(payrunId: string, integrationId?: string): Json;
  /** Pays a billing invoice; a payrun's invoice pays its payrun (`Payrun.paid`, `Payout.notified`). */
  payInvoice(invoiceId: string, integrationId?: string): Json;
  /** Sets `notified_at` and emits `Employee.notified`. */
  notifyEmployee(employeeId: string, integrationId?: string): Json;
  /** Sets `claimed_at` (and `notified_at` if unset) and emits the events. */
  claimEmployee(employeeId: string, integrationId?: string): Json;
  /** Sets `verified_at` (and the earlier steps if unset) and emits the events. */
  verifyEmployee(employeeId: string, integrationId?: string): Json;
  /** Claims the employee if needed and marks a country mismatch (`latest_status: country_mismatch`). */
  mismatchEmployeeCountry(employeeId: string, integrationId?: string): Json;
  /** Sets `accepted_at` and emits `Payout.accepted`; the payout's payrun must be paid first. */
  acceptPayout(payoutId: string, integrationId?: string): Json;
  /** Sets `canceled_at` and emits `Payout.canceled`; refused once accepted or canceled. */
  cancelPayout(payoutId: string, integrationId?: string): Json;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compiles only while `LifecycleControls` lists exactly the registry's control steps. */
const stepsListed: Same<keyof LifecycleControls, RegisteredStep['name']> = true;
void stepsListed;

/** Lifecycle and test controls; the same operations as the `/_sandbox/` HTTP endpoints. */
export interface SandboxControl extends LifecycleControls {
  /** Moves sandbox time forward (for the 24-hour resend and idempotency windows). */
  advanceClock(milliseconds: number): string;
  /** Sandbox time, as the API formats timestamps. */
  now(): string;
  setFaults(config: FaultConfig): void;
  /** The fault settings and the newest `logSize` injected faults (`droppedInjected`: how many older ones were dropped). */
  faults(): { config: FaultConfig; injected: InjectedFault[]; droppedInjected: number };
  /** The webhook delivery log (every attempt, status and signature): the newest `logSize` deliveries. */
  deliveries(filter?: DeliveryFilter): Delivery[];
  /** How many deliveries, oldest first, the log dropped to keep within `logSize` (since the start, a clear or a reset). */
  droppedDeliveries(): number;
  /** Waits until every queued delivery succeeded or ran out of retries, then returns the log. */
  waitForDeliveries(filter?: DeliveryFilter): Promise<Delivery[]>;
  clearDeliveries(): void;
  /**
   * A second account (token) with its own integration, for isolation tests. With `allowedIps`
   * the token is IP-whitelisted: requests from other addresses (such as 127.0.0.1) get a 403.
   */
  createAccount(options?: { allowedIps?: readonly string[] }): Credentials;
  /**
   * Makes the sandbox behave like a new one with the same options: forgets every object and account,
   * the idempotency keys, the delivery log and pending deliveries, the clock offset, and fault settings
   * changed since the start. The default credentials keep working on an empty integration.
   */
  reset(): void;
  /**
   * A JSON dump of all state, to assert that a request changed nothing: every field of every record
   * (with the key it is stored under), the accounts, the idempotency store, the delivery log, the
   * clock and the fault injector. Records are listed in creation order.
   */
  snapshot(): string;
}

export function createControl(core: SandboxCore): SandboxControl {
  /** The one integration lookup of both surfaces: a 404 over HTTP, a thrown Error in code. */
  const target = (integrationId?: string) => {
    const id = integrationId ?? core.defaultCredentials.integrationId;
    const integration = integrationsOf(core).get(id);
    if (!integration) throw new ApiError(404, { detail: `No integration "${id}" in this sandbox.` });
    return integration;
  };
  const filterLog = (filter: DeliveryFilter = {}) =>
    core.deliverer.log.entries().filter((d) => (!filter.event || d.event === filter.event) && (!filter.webhookId || d.webhookId === filter.webhookId));
  return {
    // Each lifecycle step is a transaction too: all of it happens, or (when the step is refused) none.
    ...(Object.fromEntries(CONTROL_STEPS.map((step) => [step.name, (id: string, integrationId?: string) => atomically(() => step.run(core, target(integrationId), id))])) as Record<RegisteredStep['name'], (id: string, integrationId?: string) => Json>),
    advanceClock: (milliseconds) => {
      core.clock.advance(milliseconds);
      return formatTimestamp(core.clock.peekMicros());
    },
    now: () => formatTimestamp(core.clock.peekMicros()),
    setFaults: (config) => core.configureFaults(config),
    faults: () => ({ config: core.faults.current, injected: core.faults.injected.entries(), droppedInjected: core.faults.injected.dropped }),
    deliveries: filterLog,
    droppedDeliveries: () => core.deliverer.log.dropped,
    waitForDeliveries: async (filter) => {
      await core.deliverer.settle();
      return filterLog(filter);
    },
    clearDeliveries: () => core.deliverer.log.clear(),
    createAccount: (options) => core.createAccount({ allowedIps: options?.allowedIps }),
    reset: () => core.reset(),
    snapshot: () => snapshot(core),
  };
}

function snapshot(core: SandboxCore): string {
  return JSON.stringify({
    accounts: [...core.accounts],
    ...dumpRecords(core),
    idempotency: core.idempotency.dump(),
    deliveries: { kept: core.deliverer.log.entries(), dropped: core.deliverer.log.dropped },
    clock: core.clock.state,
    faults: core.faults.state,
  });
}

/** The `/_sandbox/` routes: each one parses its request and calls `control`. */
export function controlRoutes(core: SandboxCore, control: SandboxControl, limits: Required<Limits>): Hono {
  const routes = new Hono({ strict: false });

  routes.use('*', async (c, next) => {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && !/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
      return c.json({ detail: 'Control writes must be sent with Content-Type: application/json (even with an empty body).' }, 415);
    }
    await next();
  });

  routes.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.body as object, error.status as 400);
    return c.json({ detail: error instanceof Error ? error.message : String(error) }, 400);
  });

  const integrationId = (c: Context) => c.req.header('integration-id');

  const jsonBody = async (c: Context): Promise<Record<string, unknown>> => {
    const text = new TextDecoder().decode(await readBody(c.req.raw, limits.bodyBytes));
    if (!text.trim()) return {};
    checkJsonDepth(text, limits.jsonDepth);
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // fall through
    }
    throw new ApiError(400, { detail: 'Expected a JSON object body.' });
  };

  routes.get('/', (c) =>
    c.json({
      ...core.defaultCredentials,
      now: control.now(),
      controls: [
        ...CONTROL_STEPS.map((step) => `POST /_sandbox/${step.path}`),
        'GET /_sandbox/clock',
        'POST /_sandbox/clock/advance {"seconds"|"minutes"|"hours"|"days"|"milliseconds": n}',
        'GET | PUT /_sandbox/faults',
        'GET | DELETE /_sandbox/webhook-deliveries (?event=&webhook=&wait=true): the newest logSize, older ones counted in "dropped"',
        'POST /_sandbox/accounts',
        'POST /_sandbox/reset',
      ],
    }),
  );

  for (const step of CONTROL_STEPS) {
    routes.post(`/${step.path.replace('{id}', ':id')}`, (c) => c.json(control[step.name](c.req.param('id')!, integrationId(c))));
  }

  const clockState = () => ({ now: control.now(), offset_ms: core.clock.offsetMilliseconds });
  routes.get('/clock', (c) => c.json(clockState()));
  routes.post('/clock/advance', async (c) => {
    const body = await jsonBody(c);
    const units: Record<string, number> = { milliseconds: 1, seconds: 1e3, minutes: 6e4, hours: 3.6e6, days: 8.64e7 };
    let ms = 0;
    // Every field is checked before the clock moves; the clock refuses a move past its range itself.
    for (const [unit, value] of Object.entries(body)) {
      if (!Object.hasOwn(units, unit)) throw new ApiError(400, { detail: `Unknown field "${unit}": send milliseconds, seconds, minutes, hours or days.` });
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new ApiError(400, { detail: `${unit} must be a non-negative number.` });
      ms += value * units[unit]!;
    }
    try {
      control.advanceClock(ms);
    } catch (error) {
      throw new ApiError(400, { detail: (error as Error).message });
    }
    return c.json(clockState());
  });

  routes.get('/faults', (c) => c.json(control.faults()));
  routes.put('/faults', async (c) => {
    control.setFaults((await jsonBody(c)) as FaultConfig);
    return c.json(control.faults());
  });

  routes.get('/webhook-deliveries', async (c) => {
    const filter = { event: c.req.query('event'), webhookId: c.req.query('webhook') };
    const results = c.req.query('wait') === 'true' ? await control.waitForDeliveries(filter) : control.deliveries(filter);
    return c.json({ count: results.length, dropped: control.droppedDeliveries(), results });
  });
  routes.delete('/webhook-deliveries', (c) => {
    control.clearDeliveries();
    return c.body(null, 204);
  });

  routes.post('/accounts', async (c) => {
    const { allowed_ips } = await jsonBody(c);
    if (allowed_ips !== undefined && !(Array.isArray(allowed_ips) && allowed_ips.every((ip) => typeof ip === 'string'))) {
      throw new ApiError(400, { detail: 'allowed_ips must be a list of IP addresses.' });
    }
    return c.json(control.createAccount({ allowedIps: allowed_ips as string[] | undefined }), 201);
  });
  routes.post('/reset', (c) => {
    control.reset();
    return c.json(core.defaultCredentials);
  });

  routes.all('*', (c) => c.json({ detail: 'Not found.' }, 404));
  return routes;
}
