import { getRequestListener } from '@hono/node-server';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bundledSpec } from './generated/openapi.js';
import { createApp } from './internal/app.js';
import { ignoredFieldsWarning } from './internal/unknown-fields.js';
import { createControl, type SandboxControl } from './internal/control.js';
import { SandboxCore } from './internal/core.js';
import type { FaultConfig } from './internal/faults.js';
import { answerClientErrors, answerRequestError } from './internal/http-errors.js';
import { resolveLimits, type Limits } from './internal/limits.js';
import { resolveTimeouts, serverTimeoutOptions, type Timeouts } from './internal/timeouts.js';
import { SpecChecks, type OpenApiDocument } from './internal/spec-checks.js';
import { persistTo } from './internal/state-file.js';
import { CONTROL_STEPS } from './resources/index.js';
import type { DeliveryOptions } from './internal/webhook-delivery.js';
import { resolveCorsOrigins } from './internal/cors.js';
import { withRequestLog, type DeliveryLogEntry, type RequestLogEntry } from './internal/activity.js';

export type { SandboxControl } from './internal/control.js';
export type { Limits } from './internal/limits.js';
export type { Timeouts } from './internal/timeouts.js';
export type { DeliveryLogEntry, RequestLogEntry } from './internal/activity.js';

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
  /** Checked before a request is parsed. @default { bodyBytes: 1048576, urlLength: 8192, jsonDepth: 64 } */
  limits?: Limits;
  /**
   * How many entries the webhook delivery log and the fault log each keep. Older entries are
   * dropped first and counted (`control.droppedDeliveries()`, `control.faults().droppedInjected`,
   * `dropped` in `GET /_sandbox/webhook-deliveries`). @default 1000
   */
  logSize?: number;
  /**
   * Connection timeouts of the HTTP server (`startSandbox` only): a client that sends nothing or
   * half a request is disconnected. @default { headersMs: 10000, requestMs: 30000, keepAliveMs: 5000 }
   */
  timeouts?: Timeouts;
  /**
   * `Host` names answered over HTTP besides loopback ones (`localhost`, `*.localhost`, `127.x.x.x`,
   * `[::1]`) and the `host` the sandbox listens on: any other is a `400`, so a DNS-rebinding web page
   * cannot read the controls. `.example.com` also allows subdomains; `*` allows all. @default []
   */
  allowedHosts?: readonly string[];
  /**
   * A file that keeps the sandbox's state across restarts: loaded at the start (created when it
   * does not exist), saved atomically after each committed change and on `close()`. It holds the
   * accounts, every object, the idempotency keys and the clock; not the webhook delivery log nor
   * fault settings. A file that cannot be read or parsed, or of another format version, throws
   * (a `StateFileError`) rather than starting empty. @default none (state lives in memory only)
   */
  state?: string;
  /**
   * Told about each answered request (API and controls): method, path, status, time and whether
   * it was an `Idempotency-Key` replay; never a body or a credential. Called after the answer is
   * built; what it throws is ignored. The CLI prints one line per call (`--quiet` stops it). @default none
   */
  onRequest?: (entry: RequestLogEntry) => void;
  /**
   * Told about each webhook delivery attempt once it is over: event, URL, status or error, attempt
   * number and what follows (`delivered`, `retrying`, `failed`). What it throws is ignored. @default none
   */
  onDelivery?: (entry: DeliveryLogEntry) => void;
  /**
   * Browser origins allowed to call the API (`/v2/`), each exactly as the browser sends it
   * (`http://localhost:3000`): preflights are answered and answers carry
   * `Access-Control-Allow-Origin: <that origin>`. Never `*`, never the `/_sandbox/` controls, and
   * other origins get no CORS header. For a dev setup only: see the README on tokens in browsers.
   * @default []
   */
  cors?: readonly string[];
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

const validators = new WeakMap<object, SpecChecks>();

/** One compiled validator per spec document, shared by every sandbox of the process. */
function validatorFor(spec: OpenApiDocument): SpecChecks {
  let validator = validators.get(spec);
  if (!validator) {
    validator = new SpecChecks(spec);
    validators.set(spec, validator);
  }
  return validator;
}

/** The state and the HTTP app of one sandbox, the same whether it listens or answers in-process. */
function assemble(options: Omit<SandboxOptions, 'port'>) {
  const core = new SandboxCore({ token: options.token, integrationId: options.integrationId, faults: options.faults, webhooks: options.webhooks, logSize: options.logSize });
  const persistence = options.state === undefined ? undefined : persistTo(options.state, core, options);
  const control = persistence ? savingAfterChanges(createControl(core), persistence.save) : createControl(core);
  const app = createApp({
    core,
    control,
    validator: validatorFor(options.spec ?? bundledSpec),
    strict: options.strict ?? true,
    log: options.log ?? ((message) => console.error(message)),
    ignoredFields: ignoredFieldsWarning(options.spec ?? bundledSpec),
    limits: resolveLimits(options.limits),
    // The address the sandbox was told to listen on is a configured host too (unless it is a wildcard).
    corsOrigins: resolveCorsOrigins(options.cors),
    allowedHosts: [...(options.allowedHosts ?? []), ...(options.host && !['0.0.0.0', '::'].includes(options.host) ? [options.host] : [])],
  });
  // An API request is saved once it committed; a refused or read-only one writes nothing.
  // The node server passes its bindings (the socket, for the remote address and dropped connections) on.
  core.deliverer.onAttempt = options.onDelivery;
  const logged = withRequestLog(app.fetch, options.onRequest);
  const fetch = async (request: Request, ...bindings: unknown[]): Promise<Response> => {
    try {
      return await (logged as (request: Request, ...bindings: unknown[]) => Response | Promise<Response>)(request, ...bindings);
    } finally {
      // Also after a dropped connection: its write did commit.
      persistence?.save();
    }
  };
  return { core, control, fetch, save: () => persistence?.save(true) };
}

/** Controls that change state outside a request's transaction, saved after each call. */
const CHANGING_CONTROLS: readonly (keyof SandboxControl)[] = [...CONTROL_STEPS.map((step) => step.name), 'advanceClock', 'createAccount', 'reset'];

/** `control`, with each state-changing method (in code or over HTTP) followed by a save. */
function savingAfterChanges(control: SandboxControl, save: (force?: boolean) => void): SandboxControl {
  const saving = { ...control };
  for (const name of CHANGING_CONTROLS) {
    const method = control[name] as (...args: unknown[]) => unknown;
    (saving as Record<string, unknown>)[name] = (...args: unknown[]) => {
      const result = method(...args);
      save(true);
      return result;
    };
  }
  return saving;
}

/** A sandbox answering in-process only (`sandbox.fetch`), without a socket. `url` is a placeholder origin. */
export function createSandbox(options: Omit<SandboxOptions, 'port' | 'host' | 'timeouts'> = {}): Sandbox {
  const { core, control, fetch, save } = assemble(options);
  return {
    url: 'http://sandbox.local/v2/',
    ...core.defaultCredentials,
    control,
    fetch,
    close: async () => {
      await core.deliverer.settle();
      save();
    },
  };
}

/** Starts a sandbox on a real HTTP server (loopback by default). */
export async function startSandbox(options: SandboxOptions = {}): Promise<ListeningSandbox> {
  const timeouts = resolveTimeouts(options.timeouts);
  const { core, control, fetch, save } = assemble(options);
  const host = options.host ?? '127.0.0.1';
  // Without a Host the request still reaches the app, which refuses it with a DRF body (Node's own 400 is empty).
  const server: Server = createServer({ requireHostHeader: false, ...serverTimeoutOptions(timeouts) }, getRequestListener(fetch, { hostname: host, errorHandler: answerRequestError }));
  answerClientErrors(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/v2/`,
    origin,
    port,
    ...core.defaultCredentials,
    control,
    fetch,
    close: () =>
      new Promise<void>((resolve) => {
        // Keep-alive sockets would hold close() open: end them.
        server.closeAllConnections();
        server.close(() => {
          save();
          resolve();
        });
      }),
  };
}
