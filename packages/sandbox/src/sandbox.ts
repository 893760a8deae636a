import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { bundledSpec } from './generated/openapi.js';
import { createApp } from './internal/app.js';
import { formatTimestamp } from './internal/clock.js';
import { SandboxCore, type Credentials } from './internal/core.js';
import type { FaultConfig, InjectedFault } from './internal/faults.js';
import { serializeEmployee, serializeInvoice, serializePayout, type serializeWebhook } from './internal/serialize.js';
import { SpecValidator, type OpenApiDocument } from './internal/validation.js';
import type { Delivery, DeliveryOptions } from './internal/webhook-delivery.js';

export interface SandboxOptions {
  /** TCP port; `0` picks a free one. @default 0 (the CLI defaults to 4010) */
  port?: number;
  /** Interface to listen on. Keep it on loopback: the controls take no token. @default "127.0.0.1" */
  host?: string;
  /** The default account's API token. @default a random 40-hex-digit token */
  token?: string;
  /** The default integration's id. @default a random UUID */
  integrationId?: string;
  /** Validate every response against the spec and answer 500 on a mismatch. @default true */
  strict?: boolean;
  /** Fault injection, also changeable at run time (`control.setFaults`, `PUT /_sandbox/faults`). @default none */
  faults?: FaultConfig;
  /** Webhook delivery retries and timeouts. @default { attempts: 3, retryDelayMs: 100, timeoutMs: 5000 } */
  webhooks?: DeliveryOptions;
  /** The OpenAPI document to serve and validate against. @default the bundled Gigapay v2 spec */
  spec?: OpenApiDocument;
  /** Receives spec violations and sandbox bugs. @default console.error */
  log?: (message: string) => void;
}

type Json = Record<string, unknown>;

/** Lifecycle and test controls; the same operations as the `/_sandbox/` HTTP endpoints. */
export interface SandboxControl {
  /** Pays an invoice: sets `paid_at`, closes it, emits `Invoice.paid`, then notifies its payouts (`Payout.notified`). */
  payInvoice(invoiceId: string, integrationId?: string): Json;
  /** Sets `notified_at` and emits `Employee.notified`. */
  notifyEmployee(employeeId: string, integrationId?: string): Json;
  /** Sets `claimed_at` (and `notified_at` if unset) and emits the events. */
  claimEmployee(employeeId: string, integrationId?: string): Json;
  /** Sets `verified_at` (and the earlier steps if unset) and emits the events. */
  verifyEmployee(employeeId: string, integrationId?: string): Json;
  /** Sets `accepted_at` and emits `Payout.accepted`; the payout's invoice must be paid first. */
  acceptPayout(payoutId: string, integrationId?: string): Json;
  /** Moves sandbox time forward (for the 24-hour resend and idempotency windows). */
  advanceClock(milliseconds: number): string;
  /** Sandbox time, as the API formats timestamps. */
  now(): string;
  setFaults(config: FaultConfig): void;
  faults(): { config: FaultConfig; injected: InjectedFault[] };
  /** The webhook delivery log (every attempt, status and signature). */
  deliveries(filter?: { event?: string; webhookId?: string }): Delivery[];
  /** Waits until every queued delivery succeeded or ran out of retries, then returns the log. */
  waitForDeliveries(filter?: { event?: string; webhookId?: string }): Promise<Delivery[]>;
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
  /** A JSON dump of all state, to assert that a request changed nothing. */
  snapshot(): string;
}

export interface Sandbox {
  /** The API base, ending in `/v2/`, e.g. `http://127.0.0.1:4010/v2/`. */
  url: string;
  /** The default account's token: send `Authorization: Token <token>`. */
  token: string;
  /** The default integration: send `Integration-ID: <integrationId>`. */
  integrationId: string;
  control: SandboxControl;
  /** Answers a request in-process, without HTTP (same pipeline). */
  fetch(request: Request): Promise<Response>;
  close(): Promise<void>;
}

export interface ListeningSandbox extends Sandbox {
  port: number;
  /** `http://127.0.0.1:<port>`: the controls live under `${origin}/_sandbox/`. */
  origin: string;
}

const validators = new WeakMap<object, SpecValidator>();

/** One compiled validator per spec document, shared by every sandbox of the process. */
function validatorFor(spec: OpenApiDocument): SpecValidator {
  let validator = validators.get(spec);
  if (!validator) {
    validator = new SpecValidator(spec);
    validators.set(spec, validator);
  }
  return validator;
}

/** The state and the HTTP app of one sandbox, the same whether it listens or answers in-process. */
function assemble(options: Omit<SandboxOptions, 'port' | 'host'>) {
  const core = new SandboxCore({ token: options.token, integrationId: options.integrationId, faults: options.faults, webhooks: options.webhooks });
  const app = createApp({
    core,
    validator: validatorFor(options.spec ?? bundledSpec),
    strict: options.strict ?? true,
    log: options.log ?? ((message) => console.error(message)),
  });
  return { core, app };
}

/** A sandbox answering in-process only (`sandbox.fetch`), without a socket. `url` is a placeholder origin. */
export function createSandbox(options: Omit<SandboxOptions, 'port' | 'host'> = {}): Sandbox {
  const { core, app } = assemble(options);
  return {
    url: 'http://sandbox.local/v2/',
    ...core.defaultCredentials,
    control: makeControl(core),
    fetch: async (request) => app.fetch(request),
    close: async () => {
      await core.deliverer.settle();
    },
  };
}

/** Starts a sandbox on a real HTTP server (loopback by default). */
export async function startSandbox(options: SandboxOptions = {}): Promise<ListeningSandbox> {
  const { core, app } = assemble(options);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/v2/`,
    origin,
    port,
    ...core.defaultCredentials,
    control: makeControl(core),
    fetch: async (request) => app.fetch(request),
    close: () =>
      new Promise<void>((resolve) => {
        // Keep-alive sockets would hold close() open: end them.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function makeControl(core: SandboxCore): SandboxControl {
  const target = (integrationId?: string) => {
    const id = integrationId ?? core.defaultCredentials.integrationId;
    const integration = core.integrations.get(id);
    if (!integration) throw new Error(`no integration "${id}" in this sandbox`);
    return integration;
  };
  const filterLog = (filter: { event?: string; webhookId?: string } = {}) =>
    core.deliverer.log.filter((d) => (!filter.event || d.event === filter.event) && (!filter.webhookId || d.webhookId === filter.webhookId));
  return {
    payInvoice: (id, integrationId) => {
      const integration = target(integrationId);
      return serializeInvoice(core.payInvoice(integration, id), integration.data);
    },
    notifyEmployee: (id, integrationId) => serializeEmployee(core.advanceEmployee(target(integrationId), id, 'notify')),
    claimEmployee: (id, integrationId) => serializeEmployee(core.advanceEmployee(target(integrationId), id, 'claim')),
    verifyEmployee: (id, integrationId) => serializeEmployee(core.advanceEmployee(target(integrationId), id, 'verify')),
    acceptPayout: (id, integrationId) => {
      const integration = target(integrationId);
      return serializePayout(core.acceptPayout(integration, id), integration.data);
    },
    advanceClock: (milliseconds) => {
      core.clock.advance(milliseconds);
      return formatTimestamp(core.clock.peekMicros());
    },
    now: () => formatTimestamp(core.clock.peekMicros()),
    setFaults: (config) => core.faults.configure(config),
    faults: () => ({ config: core.faults.current, injected: [...core.faults.injected] }),
    deliveries: filterLog,
    waitForDeliveries: async (filter) => {
      await core.deliverer.settle();
      return filterLog(filter);
    },
    clearDeliveries: () => {
      core.deliverer.log.length = 0;
    },
    createAccount: (options) => core.createAccount({ allowedIps: options?.allowedIps }),
    reset: () => core.reset(),
    snapshot: () => snapshot(core),
  };
}

function snapshot(core: SandboxCore): string {
  const integrations = [...core.integrations.values()].map((integration) => ({
    id: integration.id,
    name: integration.name,
    metadata: integration.metadata,
    employees: [...integration.data.employees.values()].map(serializeEmployee),
    payouts: [...integration.data.payouts.values()].map((p) => serializePayout(p, integration.data)),
    invoices: [...integration.data.invoices.values()].map((i) => serializeInvoice(i, integration.data)),
    webhooks: [...integration.data.webhooks.values()].map((w): ReturnType<typeof serializeWebhook> => ({ ...w })),
  }));
  return JSON.stringify({ accounts: [...core.accounts.keys()], integrations });
}
