// A validator of HTTP exchanges built from the bundled spec alone: it knows nothing of the client
// or the sandbox, so a contract test that passes through it proves both agree with the spec.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Json = any;

export interface OperationMatch {
  operationId: string;
  method: string;
  template: string;
  pathParams: Record<string, string>;
  operation: Json;
  parameters: Json[];
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

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export function createSpecValidator(spec: Json) {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addVocabulary(['components']);
  ajv.addSchema({ $id: 'openapi.json', components: { schemas: spec.components.schemas } });
  const compiled = new Map<string, ValidateFunction>();
  const basePath = new URL(spec.servers[0].url).pathname.replace(/\/$/, '');

  const deref = (node: Json): Json =>
    node?.$ref ? deref(node.$ref.slice(2).split('/').reduce((at: Json, key: string) => at[key], spec)) : node;

  function validatorFor(schema: Json): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(JSON.parse(key.replaceAll('"#/components/', '"openapi.json#/components/')));
      compiled.set(key, validate);
    }
    return validate;
  }

  function schemaErrors(schema: Json, value: unknown, where: string): string[] {
    const validate = validatorFor(schema);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${where}${e.instancePath} ${e.message} (${e.schemaPath})`);
  }

  const routes = Object.entries<Json>(spec.paths).flatMap(([template, item]) =>
    METHODS.filter((m) => item[m]).map((method) => {
      const names: string[] = [];
      const pattern = new RegExp(`^${template.replace(/\{(\w+)\}/g, (_, name) => (names.push(name), '([^/]+)'))}$`);
      const parameters = [...(item.parameters ?? []), ...(item[method].parameters ?? [])].map(deref);
      return { template, method, names, pattern, operation: item[method], parameters };
    }),
  );

  /** The operation a method and URL call, or undefined when the spec has none. */
  function match(method: string, url: URL): OperationMatch | undefined {
    if (!url.pathname.startsWith(`${basePath}/`)) return undefined;
    const path = url.pathname.slice(basePath.length);
    for (const route of routes) {
      if (route.method !== method.toLowerCase()) continue;
      const found = route.pattern.exec(path);
      if (!found) continue;
      const pathParams = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]));
      return { operationId: route.operation.operationId, method: route.method, template: route.template, pathParams, operation: route.operation, parameters: route.parameters };
    }
    return undefined;
  }

  /** Query values as the spec types them: form style, exploded arrays, booleans and integers. */
  function coerceQuery(schema: Json, values: string[]): unknown {
    const scalar = (type: string | undefined, raw: string): unknown => {
      if (type === 'integer' || type === 'number') return raw.trim() !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
      if (type === 'boolean') return raw.toLowerCase() === 'true' ? true : raw.toLowerCase() === 'false' ? false : raw;
      return raw;
    };
    const resolved = deref(schema);
    if (resolved.type === 'array') return values.map((v) => scalar(deref(resolved.items).type, v));
    return scalar(resolved.type, values[values.length - 1]!);
  }

  function checkRequest(found: OperationMatch, request: RecordedRequest): string[] {
    const problems: string[] = [];
    const { operation, parameters } = found;
    for (const param of parameters) {
      const where = `${param.in} parameter ${param.name}`;
      if (param.in === 'path') problems.push(...schemaErrors(param.schema, found.pathParams[param.name], where));
      if (param.in === 'query') {
        const values = request.url.searchParams.getAll(param.name);
        if (values.length === 0) {
          if (param.required) problems.push(`${where} is required`);
        } else problems.push(...schemaErrors(param.schema, coerceQuery(param.schema, values), where));
      }
      if (param.in === 'header') {
        const value = request.headers.get(param.name);
        if (value === null) {
          if (param.required) problems.push(`${where} is required`);
        } else problems.push(...schemaErrors(param.schema, value, where));
      }
    }
    const documentedQuery = new Set(parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of new Set(request.url.searchParams.keys())) {
      if (!documentedQuery.has(name)) problems.push(`query parameter ${name} is not documented for ${found.operationId}`);
    }
    const security = operation.security ?? spec.security;
    if (security?.length && !/^Token \S+$/.test(request.headers.get('authorization') ?? '')) {
      problems.push('header Authorization must be "Token <key>"');
    }
    const requestBody = deref(operation.requestBody);
    if (requestBody) {
      const schema = requestBody.content?.['application/json']?.schema;
      if (request.body === undefined || request.body === '') {
        if (requestBody.required) problems.push('a request body is required');
      } else if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
        problems.push(`request content-type ${request.headers.get('content-type')} is not application/json`);
      } else problems.push(...parsedBodyErrors(schema, request.body, 'request body'));
    } else if (request.body) problems.push(`${found.operationId} takes no request body`);
    return problems;
  }

  function parsedBodyErrors(schema: Json, body: string, where: string): string[] {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return [`${where} is not JSON: ${body.slice(0, 80)}`];
    }
    return schemaErrors(schema, value, where);
  }

  function checkResponse(found: OperationMatch, response: RecordedResponse): string[] {
    const documented = deref(found.operation.responses[String(response.status)]);
    if (!documented) return [`status ${response.status} is not documented for ${found.operationId}`];
    const problems: string[] = [];
    for (const [name, header] of Object.entries<Json>(documented.headers ?? {}).map(([n, h]) => [n, deref(h)] as const)) {
      const value = response.headers.get(name);
      if (value === null) {
        if (header.required) problems.push(`response header ${name} is required`);
      } else problems.push(...schemaErrors(header.schema, value, `response header ${name}`));
    }
    const content = documented.content;
    if (!content) {
      return response.body === '' ? problems : [...problems, `status ${response.status} of ${found.operationId} documents no body, got ${response.body.slice(0, 80)}`];
    }
    if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) {
      return [...problems, `response content-type ${response.headers.get('content-type')} is not application/json`];
    }
    return [...problems, ...parsedBodyErrors(content['application/json'].schema, response.body, `response ${response.status} body`)];
  }

  /** Checks a webhook notification as a receiver got it: the event's payload schema and signature header. */
  function checkWebhook(event: string, headers: Headers, body: string): string[] {
    const operation = spec.webhooks?.[event]?.post;
    if (!operation) return [`event ${event} is not documented`];
    const problems: string[] = [];
    for (const param of (operation.parameters ?? []).map(deref)) {
      const value = headers.get(param.name);
      if (value === null) problems.push(`header ${param.name} is required`);
      else problems.push(...schemaErrors(param.schema, value, `header ${param.name}`));
    }
    return [...problems, ...parsedBodyErrors(deref(operation.requestBody).content['application/json'].schema, body, `${event} body`)];
  }

  return { match, checkRequest, checkResponse, checkWebhook };
}

export type SpecValidator = ReturnType<typeof createSpecValidator>;
