/**
 * An OpenAPI 3.1 document compiled once with Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1):
 * its operations, their parameters, request bodies per media type and responses per status, and
 * checks of a request or a response against them. Problems are plain sentences naming where the
 * value and the schema are, so that a test failure or a log line says what broke.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { absolutiseRefs, DOCUMENT_ID, indexPointers, jsonType, METHODS, resolveIn, type JsonObject, type OpenApiDocument, type Schema } from './document.js';

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

/** The formats every response repeats (each timestamp, each link), checked per value thousands of times a second. */
const REMEMBERED_FORMATS = ['date-time', 'uri'] as const;
const REMEMBERED_VALUES = 10_000;

/**
 * Replaces those formats' checks by the same checks with their answers remembered (they are pure
 * functions of the string; the cache is bounded, and emptied when full): a listed record's
 * timestamps are checked once, not on every page that shows it.
 */
function rememberFormats(ajv: Ajv2020): void {
  for (const name of REMEMBERED_FORMATS) {
    // ajv-formats gives `date-time` as { validate, compare } and `uri` as a bare function.
    const format = addFormats.get(name) as ((text: string) => boolean) | { validate: (text: string) => boolean; compare?: (a: string, b: string) => number | undefined };
    const check = typeof format === 'function' ? format : format.validate;
    const answers = new Map<string, boolean>();
    const remembered = (text: string): boolean => {
      let answer = answers.get(text);
      if (answer === undefined) {
        if (answers.size >= REMEMBERED_VALUES) answers.clear();
        answer = check(text);
        answers.set(text, answer);
      }
      return answer;
    };
    ajv.addFormat(name, typeof format === 'function' ? remembered : { ...format, validate: remembered });
  }
}

/** Keywords OpenAPI adds to JSON Schema: known to Ajv's strict mode, checked by nothing. */
const OPENAPI_KEYWORDS = ['components', 'example', 'discriminator', 'xml', 'externalDocs'];

export interface QueryParameter {
  name: string;
  schema: Schema;
  required: boolean;
  isArray: boolean;
}

export interface Operation {
  operationId: string;
  /** Upper case, as on the wire. */
  method: string;
  /** The path template, e.g. `/payouts/{id}/`. */
  path: string;
  operation: JsonObject;
  /** Path-item and operation parameters, resolved. */
  parameters: JsonObject[];
  query: QueryParameter[];
  /** The query parameters as one object schema, for a query parsed with {@link OpenApiValidator.parseQuery}. */
  querySchema: Schema;
  requestBody: JsonObject | undefined;
  /** The request body schema per media type (`application/json`, `multipart/form-data`). */
  bodies: Map<string, Schema>;
  /** The documented responses per status key (`200`, `4XX`, `default`), resolved. */
  responses: Map<string, JsonObject>;
}

export interface ValidatorOptions {
  /** Report every error of a value, not only the first. @default true */
  allErrors?: boolean;
}

export interface Problem {
  /** What was checked, e.g. `request body`, `query parameter page`. */
  where: string;
  /** JSON pointer into the value, `''` for the value itself. */
  instancePath: string;
  message: string;
  /** Where the failing schema sits in the document, e.g. `#/components/schemas/Payout/properties/amount/type`. */
  schemaPath: string;
}

export const formatProblem = (p: Problem): string => `${p.where}${p.instancePath} ${p.message} (${p.schemaPath})`;

export class OpenApiValidator {
  /** The document with absolute `$ref`s (what the compiled schemas point into). */
  readonly document: OpenApiDocument;
  private readonly ajv: Ajv2020;
  private readonly byId = new Map<string, Operation>();
  private readonly compiled = new WeakMap<object, ValidateFunction>();
  private readonly resolved = new WeakMap<object, unknown>();
  private readonly formats = new Map<string, ValidateFunction>();
  private readonly pointers = new WeakMap<object, string>();

  constructor(document: OpenApiDocument, options: ValidatorOptions = {}) {
    this.document = absolutiseRefs(document) as OpenApiDocument;
    this.ajv = new Ajv2020({ strict: true, strictRequired: false, strictTypes: false, allErrors: options.allErrors ?? true, verbose: true });
    addFormats(this.ajv);
    rememberFormats(this.ajv);
    this.ajv.addVocabulary([...OPENAPI_KEYWORDS, ...extensionKeywords(this.document)]);
    this.ajv.addSchema({ $id: DOCUMENT_ID, components: { schemas: this.document.components?.schemas ?? {} } });
    indexPointers(this.document, '#', this.pointers);
    for (const [path, item] of Object.entries(this.document.paths ?? {})) {
      for (const method of METHODS) {
        const operation = item[method] as JsonObject | undefined;
        if (operation?.operationId) this.addOperation(path, method, item, operation);
      }
    }
  }

  /** Every operation of the document, in document order. */
  get operations(): Operation[] {
    return [...this.byId.values()];
  }

  operation(operationId: string): Operation | undefined {
    return this.byId.get(operationId);
  }

  /** Follows `$ref`s within the document (each `$ref` object resolved once: the document never changes). */
  resolve<T = JsonObject>(value: unknown): T {
    if (value === null || typeof value !== 'object' || typeof (value as JsonObject).$ref !== 'string') return value as T;
    let resolved = this.resolved.get(value);
    if (resolved === undefined) {
      resolved = resolveIn<unknown>(this.document, value);
      this.resolved.set(value, resolved);
    }
    return resolved as T;
  }

  /** The compiled validator of a schema of this document (compiled once per schema object). */
  validator(schema: Schema): ValidateFunction {
    if (typeof schema === 'boolean') return this.ajv.compile(schema);
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    return validate;
  }

  /** Plain boolean (Ajv's validate functions are type guards, which would narrow `data` to never). */
  passes(schema: Schema, data: unknown): boolean {
    return this.validator(schema)(data) === true;
  }

  passesFormat(format: string, data: string): boolean {
    let validate = this.formats.get(format);
    if (!validate) {
      validate = this.ajv.compile({ type: 'string', format });
      this.formats.set(format, validate);
    }
    return validate(data) === true;
  }

  /** Why `value` breaks `schema`, or `[]` when it conforms. */
  problems(schema: Schema, value: unknown, where: string): Problem[] {
    const validate = this.validator(schema);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => {
      const at = e.parentSchema && typeof e.parentSchema === 'object' ? this.pointers.get(e.parentSchema) : undefined;
      return {
        where,
        instancePath: e.instancePath,
        message: e.message ?? e.keyword,
        schemaPath: at ? `${at}/${e.keyword}` : decodeURIComponent(e.schemaPath).replace(DOCUMENT_ID, ''),
      };
    });
  }

  /** The JSON types a schema admits (following `$ref`, `allOf`, `oneOf`, `anyOf`); empty when unconstrained. */
  typesOf(schema: Schema): Set<string> {
    const resolved = this.resolve<Schema>(schema);
    if (typeof resolved === 'boolean') return new Set();
    const type = resolved.type;
    if (typeof type === 'string') return new Set([type]);
    if (Array.isArray(type)) return new Set(type as string[]);
    if ('const' in resolved) return new Set([jsonType(resolved.const)]);
    if (Array.isArray(resolved.enum)) return new Set(resolved.enum.map(jsonType));
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
      const parts = resolved[key] as Schema[] | undefined;
      if (parts) {
        const union = new Set<string>();
        for (const part of parts) for (const t of this.typesOf(part)) union.add(t);
        if (union.size) return union;
      }
    }
    return new Set();
  }

  /**
   * Query strings carry text: each documented parameter's values turned into what its schema
   * expects (form style, exploded arrays; `true`/`false` where a boolean is admitted, numbers
   * where a number is). Of a repeated scalar parameter, the last value counts.
   */
  parseQuery(operationId: string, search: URLSearchParams): JsonObject {
    const out: JsonObject = {};
    for (const parameter of this.byId.get(operationId)?.query ?? []) {
      if (!search.has(parameter.name)) continue;
      if (parameter.isArray) {
        const items = (this.resolve<JsonObject>(parameter.schema).items as Schema | undefined) ?? {};
        out[parameter.name] = search.getAll(parameter.name).map((v) => this.coerce(v, items));
      } else out[parameter.name] = this.coerce(search.getAll(parameter.name).at(-1)!, parameter.schema);
    }
    return out;
  }

  /** A text value as the schema wants it; left as text when it reads as nothing else. */
  coerce(raw: string, schema: Schema): unknown {
    const types = this.typesOf(schema);
    if ((types.has('integer') || types.has('number')) && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
    if (types.has('boolean') && (raw === 'true' || raw === 'false')) return raw === 'true';
    return raw;
  }

  /**
   * A `multipart/form-data` body as the object its schema describes: text fields stay strings
   * (numbers and booleans coerced where the schema wants them), a field typed object or array
   * (such as `metadata`) is JSON text and is parsed, an empty value of a nullable field is `null`,
   * a file becomes its base64 content. `unparsable` names the fields whose JSON did not parse.
   */
  async readForm(operationId: string, form: FormData): Promise<{ body: JsonObject; unparsable: string[] }> {
    const schema = this.byId.get(operationId)?.bodies.get('multipart/form-data') ?? {};
    const properties = ((this.resolve<Schema>(schema) as JsonObject).properties as Record<string, Schema> | undefined) ?? {};
    const body: JsonObject = {};
    const unparsable: string[] = [];
    for (const [name, value] of form.entries()) {
      const text = typeof value === 'string' ? value : value.size === 0 ? '' : Buffer.from(await value.arrayBuffer()).toString('base64');
      const property = Object.hasOwn(properties, name) ? properties[name] : undefined;
      const types = property === undefined ? new Set<string>() : this.typesOf(property);
      if (text === '' && types.has('null')) body[name] = null;
      else if (types.has('object') || types.has('array')) {
        try {
          body[name] = JSON.parse(text);
        } catch {
          unparsable.push(name);
        }
      } else body[name] = property === undefined ? text : this.coerce(text, property);
    }
    return { body, unparsable };
  }

  /**
   * Checks a request already parsed: its query (text, coerced by {@link parseQuery}), and when
   * given its path parameters, headers and body (of `mediaType`).
   */
  checkRequestParts(
    operationId: string,
    request: { query?: URLSearchParams; pathParams?: Record<string, string>; headers?: Headers; body?: unknown; mediaType?: string },
  ): Problem[] {
    const operation = this.byId.get(operationId);
    if (!operation) return [{ where: 'request', instancePath: '', message: `operation ${operationId} is not in the document`, schemaPath: '#/paths' }];
    const problems: Problem[] = [];
    const query = this.parseQuery(operationId, request.query ?? new URLSearchParams());
    for (const parameter of operation.parameters) {
      const where = `${String(parameter.in)} parameter ${String(parameter.name)}`;
      const name = String(parameter.name);
      const value =
        parameter.in === 'query' ? query[name] : parameter.in === 'path' ? request.pathParams?.[name] : parameter.in === 'header' ? request.headers?.get(name) ?? undefined : undefined;
      const checked = parameter.in === 'query' || (parameter.in === 'path' && request.pathParams) || (parameter.in === 'header' && request.headers);
      if (!checked) continue;
      if (value === undefined) {
        if (parameter.required === true) problems.push({ where, instancePath: '', message: 'is required', schemaPath: this.pointerOf(parameter) });
      } else problems.push(...this.problems((parameter.schema ?? {}) as Schema, value, where));
    }
    if ('body' in request && request.body !== undefined) {
      const mediaType = request.mediaType ?? 'application/json';
      const schema = operation.bodies.get(mediaType);
      if (schema !== undefined) problems.push(...this.problems(schema, request.body, 'request body'));
      else if (operation.requestBody) problems.push({ where: 'request body', instancePath: '', message: `media type ${mediaType} is not documented (documented: ${[...operation.bodies.keys()].join(', ')})`, schemaPath: this.pointerOf(operation.requestBody) });
    } else if (operation.requestBody?.required === true) {
      problems.push({ where: 'request body', instancePath: '', message: 'is required', schemaPath: this.pointerOf(operation.requestBody) });
    }
    return problems;
  }

  /** The documented response for a status: the exact code, else its range (`4XX`), else `default`. */
  responseFor(operationId: string, status: number): JsonObject | undefined {
    const responses = this.byId.get(operationId)?.responses;
    return responses?.get(String(status)) ?? responses?.get(`${String(status)[0]}XX`) ?? responses?.get('default');
  }

  /** Checks a response already parsed: documented status, headers (when given) and JSON body (`undefined` for none). */
  checkResponseParts(operationId: string, response: { status: number; headers?: Headers; body: unknown }): Problem[] {
    const operation = this.byId.get(operationId);
    if (!operation) return [{ where: 'response', instancePath: '', message: `operation ${operationId} is not in the document`, schemaPath: '#/paths' }];
    const documented = this.responseFor(operationId, response.status);
    const where = `response ${response.status}`;
    if (!documented) {
      return [{ where, instancePath: '', message: `is not documented for ${operationId} (documented: ${[...operation.responses.keys()].join(', ')})`, schemaPath: this.pointerOf(operation.operation) + '/responses' }];
    }
    const problems: Problem[] = [];
    if (response.headers) {
      for (const [name, header] of Object.entries((documented.headers as JsonObject | undefined) ?? {})) {
        const resolved = this.resolve(header);
        const value = response.headers.get(name);
        if (value === null) {
          if (resolved.required === true) problems.push({ where: `${where} header ${name}`, instancePath: '', message: 'is required', schemaPath: this.pointerOf(resolved) });
        } else problems.push(...this.problems((resolved.schema ?? {}) as Schema, value, `${where} header ${name}`));
      }
    }
    const schema = ((documented.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined)?.schema as Schema | undefined;
    if (schema === undefined) {
      if (response.body !== undefined && documented.content === undefined) problems.push({ where, instancePath: '', message: 'has a body, but the document describes none', schemaPath: this.pointerOf(documented) });
      return problems;
    }
    return [...problems, ...this.problems(schema, response.body, `${where} body`)];
  }

  /** Where a node of the document sits, e.g. `#/paths/~1payouts~1/post`. */
  pointerOf(node: unknown): string {
    return (node !== null && typeof node === 'object' ? this.pointers.get(node) : undefined) ?? '#';
  }

  private addOperation(path: string, method: string, item: JsonObject, operation: JsonObject): void {
    const parameters = [...((item.parameters as unknown[]) ?? []), ...((operation.parameters as unknown[]) ?? [])].map((p) => this.resolve(p));
    const query: QueryParameter[] = parameters
      .filter((p) => p.in === 'query')
      .map((p) => {
        const schema = (p.schema ?? {}) as Schema;
        return { name: String(p.name), schema, required: p.required === true, isArray: this.typesOf(schema).has('array') };
      });
    const querySchema: Schema = {
      type: 'object',
      properties: Object.fromEntries(query.map((p) => [p.name, p.schema])),
      required: query.filter((p) => p.required).map((p) => p.name),
    };
    const requestBody = operation.requestBody ? this.resolve(operation.requestBody) : undefined;
    const bodies = new Map<string, Schema>();
    for (const [mediaType, content] of Object.entries((requestBody?.content as JsonObject | undefined) ?? {})) {
      const schema = (content as JsonObject).schema as Schema | undefined;
      if (schema !== undefined) bodies.set(mediaType, schema);
    }
    const responses = new Map<string, JsonObject>();
    for (const [status, response] of Object.entries((operation.responses as JsonObject) ?? {})) responses.set(status, this.resolve(response));
    const operationId = String(operation.operationId);
    this.byId.set(operationId, { operationId, method: method.toUpperCase(), path, operation, parameters, query, querySchema, requestBody, bodies, responses });
  }
}

/** `x-…` keys used inside schemas, declared so that Ajv's strict mode lets them through. */
function extensionKeywords(node: unknown, into = new Set<string>()): string[] {
  if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) into.add(key);
      extensionKeywords(value, into);
    }
  }
  return [...into];
}
