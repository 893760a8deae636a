import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, bundledSpec, packageDir } from './paths.js';
import { runTool } from './run-tool.js';

export const portmanConfig = `${packageDir}portman/portman-config.json`;

interface PostmanRequest {
  method: string;
  url: { host?: string[]; path?: string[] };
  body?: { raw?: string };
}
export interface PostmanItem {
  name: string;
  item?: PostmanItem[];
  request?: PostmanRequest;
  event?: { listen: string; script: { exec: string[] } }[];
}
export interface Collection {
  item: PostmanItem[];
}

/**
 * Portman's contract tests for the bundle, with portman/portman-config.json: every operation, its
 * status, content type, JSON body and response schema checked. No `--ignoreCircularRefs`: the spec
 * has no cycle. Runs in a scratch directory (Portman writes a `tmp/` beside it).
 */
export async function generateCollection(): Promise<{ file: string; collection: Collection }> {
  const dir = mkdtempSync(join(tmpdir(), 'portman-'));
  const file = join(dir, 'collection.json');
  const spec = join(dir, 'openapi.json');
  writeFileSync(spec, JSON.stringify(withoutOperationServers(JSON.parse(readFileSync(bundledSpec, 'utf8')) as OpenApiDocument)));
  // The base URL is newman's `baseUrl` variable, set when it runs.
  const result = await runTool(bin('portman'), ['--local', spec, '--portmanConfigFile', portmanConfig, '--baseUrl', '{{baseUrl}}', '--output', file], { cwd: dir, timeoutMs: 90_000 });
  if (result.code !== 0) throw new Error(`portman failed (exit ${result.code}):\n${result.stdout}${result.stderr}`);
  return { file, collection: JSON.parse(readFileSync(file, 'utf8')) as Collection };
}

/** Every request item of the collection, in its folders' order. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, { servers?: unknown }>>;
}

/**
 * The bundle without operation-level `servers` (only `approveRegistration` has one: the demo host).
 * Portman 1.33 writes such an operation's URL with its server's path (`/v2/registrations/…`), then
 * looks its OpenAPI operation up by that path, finds none, and gives the request no test at all
 * (nor any `openApiOperationId` overwrite), while sending it to the real demo host. Without the
 * operation's server it goes to `{{baseUrl}}`, the sandbox, which plays the demo server.
 */
export function withoutOperationServers(spec: OpenApiDocument): OpenApiDocument {
  const paths = Object.fromEntries(
    Object.entries(spec.paths).map(([path, item]) => [path, Object.fromEntries(Object.entries(item).map(([key, operation]) => [key, stripServers(operation)]))]),
  );
  return { ...spec, paths };
}

function stripServers<T>(operation: T): T {
  if (typeof operation !== 'object' || operation === null || !('servers' in operation)) return operation;
  const { servers: _servers, ...rest } = operation;
  return rest as T;
}

export function* requestItems(items: PostmanItem[]): Generator<PostmanItem & { request: PostmanRequest }> {
  for (const item of items) {
    if (item.request) yield item as PostmanItem & { request: PostmanRequest };
    if (item.item) yield* requestItems(item.item);
  }
}

/** The JSON body Portman built (from the spec's examples) for `METHOD path`, e.g. `PUT integrations/:id/`. */
export function requestBody(collection: Collection, method: string, path: string): Record<string, unknown> {
  for (const { request } of requestItems(collection.item)) {
    if (request.method === method && (request.url.path ?? []).join('/') === path) return JSON.parse(request.body?.raw ?? 'null');
  }
  throw new Error(`no ${method} ${path} in the Portman collection`);
}

export interface NewmanSummary {
  requests: number;
  assertions: number;
  failures: { request: string; test: string; message: string }[];
}

/** `newman run` of the collection with these variables; its JSON report, summed up. */
export async function runNewman(collectionFile: string, variables: Record<string, string>): Promise<NewmanSummary> {
  const report = join(mkdtempSync(join(tmpdir(), 'newman-')), 'report.json');
  const envVars = Object.entries(variables).flatMap(([key, value]) => ['--env-var', `${key}=${value}`]);
  const result = await runTool(bin('newman'), ['run', collectionFile, ...envVars, '--reporters', 'json', '--reporter-json-export', report, '--timeout-request', '10000', '--disable-unicode'], { timeoutMs: 90_000 });
  if (result.code !== 0 && result.code !== 1) throw new Error(`newman crashed (exit ${result.code}):\n${result.stdout}${result.stderr}`);
  const { run } = JSON.parse(readFileSync(report, 'utf8')) as {
    run: {
      stats: { requests: { total: number }; assertions: { total: number } };
      failures: { source?: { name?: string }; error: { test?: string; message: string } }[];
    };
  };
  return {
    requests: run.stats.requests.total,
    assertions: run.stats.assertions.total,
    failures: run.failures.map((failure) => ({ request: failure.source?.name ?? '?', test: failure.error.test ?? '', message: failure.error.message })),
  };
}

/** A copy of the collection with only the requests of one folder whose name is `name`, written to a file. */
export function writeOneRequest(collection: Collection, name: string): string {
  const pick = (items: PostmanItem[]): PostmanItem[] =>
    items.flatMap((item) => (item.request ? (item.name === name ? [item] : []) : item.item ? [{ ...item, item: pick(item.item) }] : []));
  return writeCollection({ ...collection, item: pick(collection.item) });
}

function writeCollection(collection: Collection): string {
  const file = join(mkdtempSync(join(tmpdir(), 'portman-')), 'collection.json');
  writeFileSync(file, JSON.stringify(collection));
  return file;
}
