/**
 * The HTTP pipeline, in the order the real API (Django + DRF) answers:
 *   Host → 400 · URL length → 414 · (then the `/_sandbox/` controls, or:)
 *   unknown path → 404 · missing trailing slash → 307 · token → 401 · method → 405 (Allow) ·
 *   injected fault · Integration-ID → 403 · body size → 413 · (multipart form parse) · JSON depth → 400 ·
 *   Idempotency-Key replay/conflict · JSON parse →
 *   spec validation → handler → strict response validation → the whole response built and checked
 *   writable → idempotency record → commit → (drop fault).
 * Only a 2xx commits and is remembered under its key: a refusal (4xx) from any rule, a spec-breaking
 * response or an unwritable one rolls everything back and leaves the key free.
 * HEAD and OPTIONS are not operations of the spec: HEAD runs the route's GET and drops the body;
 * OPTIONS answers 204 with `Allow` after the credential checks, without touching any operation.
 * Anything unexpected becomes a loud 500 naming the bug, never a crash.
 */
import { Hono, type Context } from 'hono';
import { handlers } from '../resources/index.js';
import type { OperationContext } from '../resources/context.js';
import { ApiError } from './errors.js';
import type { SandboxCore } from './core.js';
import { fingerprint, keyProblem, type StoredResponse } from './idempotency.js';
import { isAllowedHost } from './hosts.js';
import { idsAsText } from './ids.js';
import { begin } from './journal.js';
import { prefersSwedish, translateBody } from './language.js';
import { checkJsonDepth, checkUrlLength, checkValueDepth, readBody, type Limits } from './limits.js';
import { canonicalQuery } from './listing.js';
import { integrationScope, matchRoute, routeNeedsIntegration, type Route } from './routes.js';
import type { SpecChecks } from './spec-checks.js';
import { controlRoutes, type SandboxControl } from './control.js';
import { cors } from './cors.js';
import { quietly } from './activity.js';
import type { IgnoredFieldsWarning } from './unknown-fields.js';
import { assertWritable } from './writable.js';

export interface AppOptions {
  core: SandboxCore;
  /** The controls behind the `/_sandbox/` routes (the same object as `sandbox.control`). */
  control: SandboxControl;
  validator: SpecChecks;
  /** Check every response against the spec; a mismatch becomes a 500. @default true */
  strict: boolean;
  /** Where spec violations and sandbox bugs are reported. @default console.error */
  log: (message: string) => void;
  /** Names the fields of a valid body that the spec does not declare (accepted and dropped, as the API does). */
  ignoredFields?: IgnoredFieldsWarning;
  limits: Required<Limits>;
  /** `Host` names answered over HTTP besides loopback ones (see hosts.ts). */
  allowedHosts: readonly string[];
  /** Browser origins allowed to call the API (see cors.ts); none by default. */
  corsOrigins?: readonly string[];
}

/** Node's request/response pair, present when served by @hono/node-server. */
interface NodeBindings {
  incoming?: { socket?: { destroy(): void; remoteAddress?: string } };
  outgoing?: { destroy(): void };
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const JSON_MEDIA_TYPE = /^application\/(.+\+)?json\b/i;
const MUTATING = new Set(['POST', 'PATCH', 'PUT']);
const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT']);

function respond(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  if (body === undefined || status === 204) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createApp(options: AppOptions): Hono<{ Bindings: NodeBindings }> {
  const { core, control, validator, strict, log, limits, allowedHosts, ignoredFields, corsOrigins = [] } = options;
  const app = new Hono<{ Bindings: NodeBindings }>({ strict: false });
  // Before any route: a request over HTTP must name an allowed host, and its URL be of sane length.
  app.use('*', async (c, next) => {
    if (c.env?.incoming) {
      const names = [c.req.header('host') ?? '', new URL(c.req.url).host];
      const refused = names.find((name) => !isAllowedHost(name, allowedHosts));
      if (refused !== undefined) {
        return respond(400, { detail: `Invalid Host header ${JSON.stringify(refused)}: the sandbox answers loopback names and the hosts given to allowedHosts (--allowed-host).` });
      }
    }
    try {
      checkUrlLength(new URL(c.req.url), limits.urlLength);
    } catch (error) {
      if (error instanceof ApiError) return respond(error.status, error.body, error.headers);
      throw error;
    }
    await next();
  });
  app.use('*', cors(corsOrigins));
  app.route('/_sandbox', controlRoutes(core, control, limits));
  // Rethrown so that an in-process `app.fetch` rejects, as `fetch` does on a cut connection.
  app.onError((error) => {
    throw error;
  });

  app.all('*', async (c) => {
    try {
      const response = await inLanguage(c.req.raw, await handleApi(c));
      return c.req.method === 'HEAD' ? new Response(null, response) : response;
    } catch (error) {
      if (error instanceof ApiError) return inLanguage(c.req.raw, respond(error.status, error.body, error.headers));
      if (error instanceof DroppedConnection) throw error;
      const message = `sandbox bug: ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
      log(message);
      return respond(500, { detail: message.split('\n')[0] });
    }
  });

  async function handleApi(c: Context<{ Bindings: NodeBindings }>): Promise<Response> {
    const request = c.req.raw;
    const url = new URL(request.url);
    if (url.pathname === '/v2') return redirect(url, '/v2/');
    if (!url.pathname.startsWith('/v2/')) return respond(404, { detail: 'Not found.' });
    const relative = url.pathname.slice(3);
    const match = matchRoute(relative);
    if (!match) {
      if (!relative.endsWith('/') && matchRoute(`${relative}/`)) return redirect(url, `${url.pathname}/`);
      return respond(404, { detail: 'Not found.' });
    }

    const authorization = request.headers.get('authorization');
    if (!authorization) return respond(401, { detail: 'Authentication credentials were not provided.' }, { 'www-authenticate': 'Token' });
    const token = /^Token\s+(\S+)\s*$/i.exec(authorization)?.[1];
    const account = token === undefined ? undefined : core.accounts.get(token);
    if (!account) return respond(401, { detail: 'Invalid token.' }, { 'www-authenticate': 'Token' });

    // IP-whitelisting, as Gigapay offers it per key: an address outside the list is a 403.
    const remote = c.env?.incoming?.socket?.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1';
    if (account.allowedIps && !account.allowedIps.includes(remote)) {
      return respond(403, { detail: `Requests from ${remote} are not allowed for this token (IP-whitelisting).` });
    }

    const requested = request.method.toUpperCase();
    const rawSearch = url.search; // the request as sent, for the Idempotency-Key fingerprint
    if (requested === 'OPTIONS') {
      if (routeNeedsIntegration(match.route)) core.integrationFor(account, request.headers.get('integration-id'));
      return respond(204, undefined, { allow: allowHeader(match.route) });
    }
    // HEAD is a GET whose body the caller drops (see app.all above).
    const method = requested === 'HEAD' ? 'GET' : requested;
    const operationId = match.route.methods[method as keyof typeof match.route.methods];
    if (!operationId) return respond(405, { detail: `Method "${requested}" not allowed.` }, { allow: allowHeader(match.route) });
    // Validation and the handler read the same query (and the links a page builds from it).
    const parsedQuery = validator.parseQuery(operationId, url.searchParams);
    url.search = canonicalQuery(url.searchParams, (name) => Array.isArray(parsedQuery[name])).toString();

    const fault = core.faults.decide(operationId);
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    if (fault.kind === 'error') return respond(500, { detail: 'Injected fault: internal server error.' }, { 'sandbox-fault': 'error' });
    if (fault.kind === 'rateLimit') {
      const retryAfter = String(core.faults.retryAfterSeconds);
      return respond(429, { detail: `Request was throttled. Expected available in ${retryAfter} seconds.` }, { 'retry-after': retryAfter, 'sandbox-fault': 'rateLimit' });
    }

    const integration = core.integrationIn(integrationScope(operationId), account, request.headers.get('integration-id'));
    const contentType = request.headers.get('content-type') ?? 'application/json';
    // A form, where the spec documents one (the Integrations writes): read into the object its
    // schema describes, and from there on treated as that JSON body. Its identity for
    // Idempotency-Key is that object, since the multipart boundary differs on every send.
    const bytes = BODY_METHODS.has(method) ? await readBody(request, limits.bodyBytes) : new Uint8Array();
    const form = BODY_METHODS.has(method) && /^multipart\/form-data\b/i.test(contentType) && validator.mediaTypes(operationId).includes('multipart/form-data')
      ? await readForm(bytes, contentType, operationId)
      : undefined;
    const bodyText = form ? JSON.stringify(form) : new TextDecoder().decode(bytes);
    if (form || JSON_MEDIA_TYPE.test(contentType)) checkJsonDepth(bodyText, limits.jsonDepth);

    const key = MUTATING.has(method) ? request.headers.get('idempotency-key') : null;
    const badKey = key === null ? undefined : keyProblem(key);
    if (badKey) return respond(400, { 'Idempotency-Key': [badKey] });
    const scope = key ? `${account.token}\u0000${integration?.id ?? ''}\u0000${key}` : '';
    const print = key ? fingerprint(method, url.pathname + rawSearch, bodyText) : '';
    if (key) {
      const found = core.idempotency.lookup(scope, print, core.clock.peekMicros());
      if (found.kind === 'replay') return finish(c, fault.kind, replay(found.response));
      if (found.kind === 'conflict') {
        return respond(400, {
          non_field_errors: [`Idempotency-Key "${key}" was already used for a different request (method, path, query or body) in the last 24 hours; use a new key for a new request.`],
        });
      }
    }

    let body: unknown = form ?? {};
    if (!form && bodyText.trim() !== '') {
      if (!JSON_MEDIA_TYPE.test(contentType)) {
        const accepted = validator.mediaTypes(operationId);
        return respond(400, { non_field_errors: [`Unsupported media type "${contentType}": this operation accepts ${(accepted.length ? accepted : ['application/json']).join(' or ')} bodies.`] });
      }
      try {
        body = JSON.parse(bodyText);
      } catch (error) {
        return respond(400, { non_field_errors: [`JSON parse error - ${(error as Error).message}`] });
      }
    }

    /** A refused request's answer (strict mode checks it too); nothing of it is stored. */
    const refuse = (refusal: HandlerOutcome): Response => finish(c, fault.kind, checked(operationId, refusal) ?? replay(stored(refusal), false));
    const invalid = validator.validateRequest(operationId, url.searchParams, body, form ? 'multipart/form-data' : 'application/json');
    if (invalid) return refuse({ status: 400, body: invalid });

    // From the key lookup above to the commit nothing awaits: the handler's writes, the response
    // checks and the idempotency record are one transaction, and no other request runs in between.
    // A response that breaks the spec or cannot be written undoes the writes.
    const transaction = begin();
    transaction.onRollback(core.clock.checkpoint());
    try {
      let result: HandlerOutcome;
      const context: OperationContext = {
        core,
        account,
        integration,
        params: match.params,
        url,
        query: url.searchParams,
        body: idsAsText(body),
        language: request.headers.get('accept-language') ?? 'en',
      };
      try {
        result = handlers[operationId]!(context);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        // A refused request changes nothing, whatever the handler did before refusing, and is not
        // remembered: the corrected request may use the same key.
        transaction.rollback();
        return refuse({ status: error.status, body: error.body, headers: error.headers });
      }
      // The API drops unknown fields silently; the sandbox says which (a header and a log line).
      const warning = ignoredFields?.(operationId, body);
      if (warning) result.headers = { ...result.headers, 'gigapay-sandbox-warning': warning };
      const violation = checked(operationId, result);
      if (violation) {
        transaction.rollback();
        return violation;
      }
      // The whole answer, as it will be stored and written: one that cannot be throws here, a
      // sandbox bug, and the `finally` below rolls the request back.
      const response = stored(result);
      if (key) core.idempotency.store(scope, print, response, core.clock.peekMicros());
      // Committed: from here on nothing may turn the answer into a 500, not even a `log` option that throws.
      try {
        transaction.commit();
      } catch (error) {
        // An effect after the commit failed (a webhook enqueue): the request did commit, so it is
        // answered as committed, as its retries will be; the bug is logged, not answered.
        quietly(() => log(`sandbox bug after the commit of ${requested} ${url.pathname}: ${String((error as Error | undefined)?.stack ?? error)}`));
      }
      if (warning) quietly(() => log(`[gigapay-sandbox] ${requested} ${url.pathname}: ${warning}`));
      return finish(c, fault.kind, replay(response, false));
    } finally {
      transaction.rollback(); // a no-op after the commit; undoes everything on a sandbox bug
    }
  }

  /** In strict mode, the loud 500 for a response that breaks the spec; `undefined` when it conforms. */
  function checked(operationId: string, result: HandlerOutcome): Response | undefined {
    if (!strict) return undefined;
    const problem = validator.validateResponse(operationId, result.status, result.body);
    if (!problem) return undefined;
    log(`[gigapay-sandbox] ${problem}`);
    return respond(500, { detail: `Sandbox response broke the spec: ${problem}` }, { 'sandbox-spec-violation': 'true' });
  }

  /** A multipart body as its schema's object; a form that does not parse is a 400, never a 5xx. */
  async function readForm(bytes: Uint8Array, contentType: string, operationId: string): Promise<Record<string, unknown>> {
    let data: FormData;
    try {
      data = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': contentType } }).formData();
    } catch (error) {
      throw new ApiError(400, { non_field_errors: [`Multipart form parse error - ${(error as Error).message}`] });
    }
    const read = await validator.formBody(operationId, data);
    if ('errors' in read) throw new ApiError(400, read.errors);
    // Its JSON fields were parsed without the text check a JSON body gets: check their depth
    // before anything serialises them (the fingerprint, the validator).
    checkValueDepth(read.body, limits.jsonDepth);
    return read.body;
  }

  /** The drop fault: the write is committed, then the connection dies before any response byte. */
  function finish(c: Context<{ Bindings: NodeBindings }>, fault: string, response: Response): Response {
    if (fault !== 'drop') return response;
    const socket = c.env?.incoming?.socket;
    if (socket) {
      socket.destroy();
      return new Response(null, { status: 204 });
    }
    // In-process (app.fetch) there is no connection to cut: make the failure unmistakable.
    throw new DroppedConnection();
  }

  return app;
}

/** An error answer in the language the request prefers: Swedish for `sv`, else as written (English). */
async function inLanguage(request: Request, response: Response): Promise<Response> {
  if (response.status < 400 || !prefersSwedish(request.headers.get('accept-language'))) return response;
  if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) return response;
  const body = translateBody(await response.json());
  return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
}

/** Thrown by in-process `app.fetch` calls where the HTTP server would have cut the connection. */
export class DroppedConnection extends Error {
  constructor() {
    super('Injected fault: connection dropped after the write committed.');
    this.name = 'DroppedConnection';
  }
}

/** `Allow` as Django REST Framework orders it: the route's methods, then HEAD (with GET) and OPTIONS. */
function allowHeader(route: Route): string {
  const own = (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).filter((method) => route.methods[method] !== undefined);
  return [...own, ...(route.methods.GET ? ['HEAD'] : []), 'OPTIONS'].join(', ');
}

interface HandlerOutcome {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The response as it is stored and written; throws `UnwritableResponse` when Node could not write it. */
function stored(result: HandlerOutcome): StoredResponse {
  const response = {
    status: result.status,
    body: result.body === undefined || result.status === 204 ? null : JSON.stringify(result.body),
    headers: result.headers ?? {},
  };
  assertWritable(response);
  return response;
}

function replay(stored: StoredResponse, replayed = true): Response {
  const headers: Record<string, string> = { ...stored.headers, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) };
  if (stored.body === null) return new Response(null, { status: stored.status, headers });
  return new Response(stored.body, { status: stored.status, headers: { ...JSON_HEADERS, ...headers } });
}

function redirect(url: URL, pathname: string): Response {
  const location = new URL(url);
  location.pathname = pathname;
  return new Response(null, { status: 307, headers: { location: location.toString() } });
}

