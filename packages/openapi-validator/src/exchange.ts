/**
 * Checks of HTTP exchanges as they were seen on the wire (text bodies, `Headers`), built on
 * {@link OpenApiValidator}: which operation a URL calls, and whether a recorded request, response
 * or webhook notification is what the document describes. Problems come back as sentences.
 */
import type { JsonObject, OpenApiDocument, Schema } from './document.js';
import { formatProblem, OpenApiValidator, type Operation, type ValidatorOptions } from './validator.js';

export interface OperationMatch {
  operationId: string;
  /** Lower case, as the document's keys. */
  method: string;
  template: string;
  pathParams: Record<string, string>;
  operation: Operation;
}

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string | undefined;
}

export interface RecordedResponse {
  status: number;
  headers: Headers;
  body: string;
}

/** The media type of a Content-Type value, without parameters, in lower case ('' when absent). */
function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** A problem when `headers` do not say application/json: `application/jsonp` or `text/plain` carrying JSON is not it. */
function notJson(headers: Headers, where: string): string | undefined {
  if (mediaTypeOf(headers.get('content-type')) === 'application/json') return undefined;
  return `${where} content-type ${headers.get('content-type') || '(none)'} is not application/json`;
}

/**
 * What declares a body on a response that documents none: fetch hands over no body for a 204 or
 * 304 whatever came on the wire, so a Content-Type or a non-zero Content-Length is the evidence.
 */
function declaredBody(headers: Headers): string | undefined {
  if (headers.has('content-type')) return `content-type ${headers.get('content-type')}`;
  const length = headers.get('content-length');
  if (length !== null && length.trim() !== '0') return `content-length ${length}`;
  if (headers.has('transfer-encoding')) return `transfer-encoding ${headers.get('transfer-encoding')}`;
  return undefined;
}

export function createExchangeValidator(document: OpenApiDocument, options: ValidatorOptions = {}) {
  const validator = new OpenApiValidator(document, options);
  const doc = validator.document;
  const basePath = new URL(doc.servers?.[0]?.url ?? 'http://localhost/').pathname.replace(/\/$/, '');
  const routes = validator.operations.map((operation) => {
    const names: string[] = [];
    const pattern = new RegExp(`^${operation.path.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`);
    return { operation, names, pattern };
  });

  /** The operation a method and URL call (below the first server's path), or undefined when the document has none. */
  function match(method: string, url: URL): OperationMatch | undefined {
    if (!url.pathname.startsWith(`${basePath}/`)) return undefined;
    const path = url.pathname.slice(basePath.length);
    for (const { operation, names, pattern } of routes) {
      if (operation.method !== method.toUpperCase()) continue;
      const found = pattern.exec(path);
      if (!found) continue;
      const pathParams = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]));
      return { operationId: operation.operationId, method: operation.method.toLowerCase(), template: operation.path, pathParams, operation };
    }
    return undefined;
  }

  function parsed(body: string, where: string): { value: unknown } | { problem: string } {
    try {
      return { value: JSON.parse(body) };
    } catch {
      return { problem: `${where} is not JSON: ${body.slice(0, 80)}` };
    }
  }

  function checkRequest(found: OperationMatch, request: RecordedRequest): string[] {
    const { operation } = found;
    const problems: string[] = [];
    const documentedQuery = new Set(operation.query.map((p) => p.name));
    for (const name of new Set(request.url.searchParams.keys())) {
      if (!documentedQuery.has(name)) problems.push(`query parameter ${name} is not documented for ${found.operationId}`);
    }
    const security = (operation.operation.security ?? doc.security) as unknown[] | undefined;
    if (security?.length && !/^Token \S+$/.test(request.headers.get('authorization') ?? '')) {
      problems.push('header Authorization must be "Token <key>"');
    }
    // A body that was sent but cannot be read is reported once, not again as "required".
    let body: { body?: unknown; mediaType?: string } = {};
    let unreadable = false;
    if (request.body !== undefined && request.body !== '') {
      const wrongType = notJson(request.headers, 'request');
      unreadable = true;
      if (!operation.requestBody) problems.push(`${found.operationId} takes no request body`);
      else if (wrongType) problems.push(wrongType);
      else {
        const read = parsed(request.body, 'request body');
        if ('problem' in read) problems.push(read.problem);
        else [body, unreadable] = [{ body: read.value, mediaType: 'application/json' }, false];
      }
    }
    const parts = validator
      .checkRequestParts(found.operationId, { query: request.url.searchParams, pathParams: found.pathParams, headers: request.headers, ...body })
      .filter((p) => !(unreadable && p.where === 'request body'));
    return [...problems, ...parts.map(formatProblem)];
  }

  function checkResponse(found: OperationMatch, response: RecordedResponse): string[] {
    const documented = validator.responseFor(found.operationId, response.status);
    if (!documented) return [`status ${response.status} is not documented for ${found.operationId}`];
    const hasJson = (documented.content as JsonObject | undefined)?.['application/json'] !== undefined;
    let body: unknown;
    if (hasJson) {
      const wrongType = notJson(response.headers, 'response');
      if (wrongType) return [wrongType];
      const read = parsed(response.body, `response ${response.status} body`);
      if ('problem' in read) return [read.problem];
      body = read.value;
    } else if (response.body !== '') {
      return [`status ${response.status} of ${found.operationId} documents no body, got ${response.body.slice(0, 80)}`];
    } else {
      const declared = declaredBody(response.headers);
      if (declared) return [`status ${response.status} of ${found.operationId} documents no body, but the response declares ${declared}`];
    }
    return validator.checkResponseParts(found.operationId, { status: response.status, headers: response.headers, body }).map(formatProblem);
  }

  /** Checks a webhook notification as a receiver got it: the event's header parameters and payload schema. */
  function checkWebhook(event: string, headers: Headers, body: string): string[] {
    const operation = validator.resolve<JsonObject | undefined>(doc.webhooks?.[event])?.post as JsonObject | undefined;
    if (!operation) return [`event ${event} is not documented`];
    const problems: string[] = [];
    for (const parameter of ((operation.parameters as unknown[]) ?? []).map((p) => validator.resolve(p))) {
      const value = headers.get(String(parameter.name));
      if (value === null) problems.push(`header ${String(parameter.name)} is required`);
      else problems.push(...validator.problems((parameter.schema ?? {}) as Schema, value, `header ${String(parameter.name)}`).map(formatProblem));
    }
    const schema = (((validator.resolve(operation.requestBody).content as JsonObject)['application/json'] as JsonObject).schema ?? {}) as Schema;
    const read = parsed(body, `${event} body`);
    if ('problem' in read) return [...problems, read.problem];
    return [...problems, ...validator.problems(schema, read.value, `${event} body`).map(formatProblem)];
  }

  return { validator, match, checkRequest, checkResponse, checkWebhook };
}

export type ExchangeValidator = ReturnType<typeof createExchangeValidator>;
