/**
 * Validation against the bundled spec, compiled once at start with Ajv (JSON Schema 2020-12, the
 * dialect of OpenAPI 3.1). Ajv decides validity; when a request is invalid, `explain` walks the
 * failing schema to say why in Django REST Framework's shape (field → messages, nested objects,
 * `non_field_errors`, per-item arrays for bulk bodies), the same shape the real API answers.
 *
 * Responses are checked too: a body that breaks its documented schema (or a status the operation
 * does not document) is reported with the operation, status, instance path and schema path.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parseBoolean } from './listing.js';
import type { ValidationBody } from './errors.js';

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

type Schema = Record<string, unknown> | boolean;
type JsonObject = Record<string, unknown>;

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

interface QueryParameter {
  name: string;
  schema: Schema;
  required: boolean;
  isArray: boolean;
}

interface CompiledOperation {
  operationId: string;
  method: string;
  path: string;
  query: QueryParameter[];
  querySchema: Schema;
  validateQuery: ValidateFunction;
  /** The request body schema per media type (`application/json`, `multipart/form-data`). */
  bodies: Map<string, { schema: Schema; validate: ValidateFunction }>;
  responses: Map<string, ValidateFunction | null>;
}

const SPEC_ID = 'https://gigapay.sandbox/openapi.json';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Copies the spec with every local `$ref` made absolute, so any sub-schema compiles on its own. */
function absolutiseRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(absolutiseRefs);
  if (value && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = key === '$ref' && typeof inner === 'string' && inner.startsWith('#') ? `${SPEC_ID}${inner}` : absolutiseRefs(inner);
    }
    return out;
  }
  return value;
}

export class SpecValidator {
  private readonly ajv: Ajv2020;
  private readonly doc: OpenApiDocument;
  private readonly operations = new Map<string, CompiledOperation>();
  private readonly subschemaCache = new WeakMap<object, ValidateFunction>();
  /** Where each schema object sits in the spec, to name it in violation reports. */
  private readonly pointers = new WeakMap<object, string>();

  constructor(spec: OpenApiDocument) {
    this.doc = absolutiseRefs(spec) as OpenApiDocument;
    this.ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false, verbose: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...this.doc, $id: SPEC_ID } as JsonObject);
    indexPointers(this.doc, '#', this.pointers);
    for (const [path, item] of Object.entries(this.doc.paths)) {
      for (const method of METHODS) {
        const operation = item[method] as JsonObject | undefined;
        if (operation?.operationId) this.compile(path, method, item, operation);
      }
    }
  }

  get operationIds(): string[] {
    return [...this.operations.keys()];
  }

  /** The spec's operations as `{ operationId, method, path }`, to check the route table against. */
  listOperations(): { operationId: string; method: string; path: string }[] {
    return [...this.operations.values()].map(({ operationId, method, path }) => ({ operationId, method, path }));
  }

  private resolve<T = JsonObject>(value: unknown): T {
    let current = value as JsonObject;
    for (let depth = 0; depth < 20 && current && typeof current.$ref === 'string'; depth++) {
      const pointer = (current.$ref as string).slice(SPEC_ID.length + 1);
      current = pointer
        .split('/')
        .filter(Boolean)
        .reduce<unknown>((node, token) => (node as JsonObject)[token.replace(/~1/g, '/').replace(/~0/g, '~')], this.doc) as JsonObject;
    }
    return current as T;
  }

  /** Plain boolean (Ajv's validate functions are type guards, which would narrow `data` to never). */
  private passes(schema: Schema, data: unknown): boolean {
    return this.compileSchema(schema)(data) === true;
  }

  private readonly formatCache = new Map<string, ValidateFunction>();

  private passesFormat(format: string, data: string): boolean {
    let validate = this.formatCache.get(format);
    if (!validate) {
      validate = this.ajv.compile({ type: 'string', format });
      this.formatCache.set(format, validate);
    }
    return validate(data) === true;
  }

  private compileSchema(schema: Schema): ValidateFunction {
    if (typeof schema === 'boolean') return this.ajv.compile(schema);
    const cached = this.subschemaCache.get(schema);
    if (cached) return cached;
    const compiled = this.ajv.compile(schema);
    this.subschemaCache.set(schema, compiled);
    return compiled;
  }

  private compile(path: string, method: string, item: JsonObject, operation: JsonObject): void {
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
    const bodies = new Map<string, { schema: Schema; validate: ValidateFunction }>();
    for (const [mediaType, content] of Object.entries((requestBody?.content as JsonObject | undefined) ?? {})) {
      const schema = (content as JsonObject).schema as Schema | undefined;
      if (schema !== undefined) bodies.set(mediaType, { schema, validate: this.compileSchema(schema) });
    }
    const responses = new Map<string, ValidateFunction | null>();
    for (const [status, response] of Object.entries((operation.responses as JsonObject) ?? {})) {
      const resolved = this.resolve(response);
      const schema = ((resolved.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined)?.schema as Schema | undefined;
      responses.set(status, schema === undefined ? null : this.compileSchema(schema));
    }
    const operationId = String(operation.operationId);
    this.operations.set(operationId, {
      operationId,
      method: method.toUpperCase(),
      path,
      query,
      querySchema,
      validateQuery: this.compileSchema(querySchema),
      bodies,
      responses,
    });
  }

  /** The JSON types a schema admits (following `$ref` and `allOf`); empty when unconstrained. */
  private typesOf(schema: Schema): Set<string> {
    const resolved = this.resolve<Schema>(schema);
    if (typeof resolved === 'boolean') return new Set();
    const type = resolved.type;
    if (typeof type === 'string') return new Set([type]);
    if (Array.isArray(type)) return new Set(type as string[]);
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

  /** Query strings carry text: turn each value into what its parameter's schema expects. */
  parseQuery(operationId: string, search: URLSearchParams): JsonObject {
    const operation = this.operations.get(operationId);
    const out: JsonObject = {};
    if (!operation) return out;
    for (const parameter of operation.query) {
      if (!search.has(parameter.name)) continue;
      if (parameter.isArray) {
        const items = this.resolve<JsonObject>(parameter.schema).items as Schema | undefined;
        out[parameter.name] = search.getAll(parameter.name).map((v) => this.coerce(v, items ?? {}));
      } else out[parameter.name] = this.coerce(search.getAll(parameter.name).at(-1)!, parameter.schema);
    }
    return out;
  }

  private coerce(raw: string, schema: Schema): unknown {
    const types = this.typesOf(schema);
    if ((types.has('integer') || types.has('number')) && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
    if (types.has('boolean')) return parseBoolean(raw) ?? raw;
    return raw;
  }

  /** The media types the operation documents for its request body. */
  mediaTypes(operationId: string): string[] {
    return [...(this.operations.get(operationId)?.bodies.keys() ?? [])];
  }

  /**
   * A `multipart/form-data` body as the object its schema describes, the way DRF's parsers read a
   * form: text fields stay strings (numbers and booleans coerced where the schema wants them), a
   * field typed object or array (such as `metadata`) is a JSON string and is parsed, an empty
   * value of a nullable field is `null`, and a file becomes its base64 content (what the JSON body
   * carries, so both media types give the same result). Of a repeated field, the last value counts.
   * Not validated yet: pass the result to `validateRequest` with the same media type.
   */
  async formBody(operationId: string, form: FormData): Promise<{ body: JsonObject } | { errors: ValidationBody }> {
    const schema = this.operations.get(operationId)?.bodies.get('multipart/form-data')?.schema ?? {};
    const properties = ((this.resolve<Schema>(schema) as JsonObject).properties as Record<string, Schema> | undefined) ?? {};
    const body: JsonObject = {};
    const errors: ValidationBody = {};
    for (const [name, value] of form.entries()) {
      const text = typeof value === 'string' ? value : value.size === 0 ? '' : Buffer.from(await value.arrayBuffer()).toString('base64');
      const property = Object.hasOwn(properties, name) ? properties[name] : undefined;
      const types = property === undefined ? new Set<string>() : this.typesOf(property);
      if (text === '' && types.has('null')) body[name] = null;
      else if (types.has('object') || types.has('array')) {
        try {
          body[name] = JSON.parse(text);
        } catch {
          errors[name] = ['Value must be valid JSON.'];
        }
      } else body[name] = property === undefined ? text : this.coerce(text, property);
    }
    return Object.keys(errors).length > 0 ? { errors } : { body };
  }

  /** A DRF-shaped 400 body for an invalid request, or `undefined` when it is valid. */
  validateRequest(operationId: string, search: URLSearchParams, body: unknown, mediaType = 'application/json'): ValidationBody | ValidationBody[] | undefined {
    const operation = this.operations.get(operationId);
    if (!operation) return undefined;
    const query = this.parseQuery(operationId, search);
    if (!operation.validateQuery(query)) {
      const errors: ValidationBody = {};
      this.explain(operation.querySchema, query, [], errors);
      return ensureSomething(errors, operation.validateQuery);
    }
    const bodySchema = operation.bodies.get(mediaType);
    if (bodySchema && !bodySchema.validate(body)) {
      return this.explainBody(bodySchema.schema, body, bodySchema.validate);
    }
    return undefined;
  }

  /** Bulk bodies (a oneOf with an array branch) get per-item errors when an array was sent. */
  private explainBody(schema: Schema, body: unknown, validate: ValidateFunction): ValidationBody | ValidationBody[] {
    const resolved = this.resolve<Schema>(schema);
    const branches = typeof resolved === 'object' ? (resolved.oneOf as Schema[] | undefined) : undefined;
    if (Array.isArray(body) && branches) {
      const arrayBranch = branches.map((b) => this.resolve<JsonObject>(b)).find((b) => b.type === 'array');
      const items = arrayBranch?.items as Schema | undefined;
      if (arrayBranch && items) {
        if (body.length < Number(arrayBranch.minItems ?? 0)) return { non_field_errors: ['This list may not be empty.'] };
        const validateItem = this.compileSchema(items);
        const perItem = body.map((item) => {
          if (validateItem(item)) return {};
          const errors: ValidationBody = {};
          this.explain(items, item, [], errors);
          return ensureSomething(errors, validateItem);
        });
        if (perItem.some((errors) => Object.keys(errors).length > 0)) return perItem;
      }
    }
    const errors: ValidationBody = {};
    this.explain(schema, body, [], errors);
    return ensureSomething(errors, validate);
  }

  /**
   * Adds DRF messages for why `data` fails `schema` at `path`. Walks the schema like a
   * serializer would report: type first, then the object's fields, then value constraints.
   */
  private explain(schema: Schema, data: unknown, path: string[], errors: ValidationBody): void {
    if (schema === true) return;
    if (schema === false) return add(errors, path, 'This field is not allowed here.');
    const s = this.resolve<JsonObject>(schema);
    if (this.passes(s, data)) return;

    const types = this.typesOf(s);
    if (types.size && !types.has(jsonType(data)) && !(types.has('number') && jsonType(data) === 'integer')) {
      return add(errors, path, typeMessage(types, data));
    }

    for (const part of (s.allOf as Schema[] | undefined) ?? []) this.explain(part, data, path, errors);
    for (const key of ['oneOf', 'anyOf'] as const) {
      const branches = s[key] as Schema[] | undefined;
      if (branches) this.explainChoice(key, branches, data, path, errors);
    }
    if (s.not !== undefined && this.passes(s.not as Schema, data)) add(errors, path, 'This value is not allowed.');

    if (isObject(data)) {
      for (const name of (s.required as string[] | undefined) ?? []) {
        if (!Object.hasOwn(data, name)) add(errors, [...path, name], 'This field is required.');
      }
      const properties = (s.properties as Record<string, Schema> | undefined) ?? {};
      for (const [name, value] of Object.entries(data)) {
        if (Object.hasOwn(properties, name)) this.explain(properties[name]!, value, [...path, name], errors);
        else if (s.additionalProperties === false) add(errors, [...path, name], 'Unknown field.');
        else if (s.additionalProperties !== undefined && typeof s.additionalProperties === 'object') {
          this.explain(s.additionalProperties as Schema, value, [...path, name], errors);
        }
      }
    }
    if (Array.isArray(data)) {
      if (typeof s.minItems === 'number' && data.length < s.minItems) {
        add(errors, path, s.minItems === 1 ? 'This list may not be empty.' : `Ensure this field has at least ${s.minItems} elements.`);
      }
      if (typeof s.maxItems === 'number' && data.length > s.maxItems) add(errors, path, `Ensure this field has no more than ${s.maxItems} elements.`);
      if (s.uniqueItems === true && new Set(data.map((v) => JSON.stringify(v))).size !== data.length) add(errors, path, 'Items must be unique.');
      if (s.items !== undefined) data.forEach((item, index) => this.explain(s.items as Schema, item, [...path, String(index)], errors));
    }
    if (typeof data === 'string') {
      if (typeof s.minLength === 'number' && data.length < s.minLength) {
        add(errors, path, s.minLength === 1 ? 'This field may not be blank.' : `Ensure this field has at least ${s.minLength} characters.`);
      }
      if (typeof s.maxLength === 'number' && data.length > s.maxLength) add(errors, path, `Ensure this field has no more than ${s.maxLength} characters.`);
      if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(data)) add(errors, path, patternMessage(s.pattern));
      if (typeof s.format === 'string' && !this.passesFormat(s.format, data)) add(errors, path, formatMessage(s.format));
    }
    if (typeof data === 'number') {
      if (typeof s.minimum === 'number' && data < s.minimum) add(errors, path, `Ensure this value is greater than or equal to ${s.minimum}.`);
      if (typeof s.maximum === 'number' && data > s.maximum) add(errors, path, `Ensure this value is less than or equal to ${s.maximum}.`);
    }
    if (Array.isArray(s.enum) && !s.enum.some((v) => JSON.stringify(v) === JSON.stringify(data))) {
      add(errors, path, `"${typeof data === 'string' ? data : JSON.stringify(data)}" is not a valid choice.`);
    }
    if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(data)) add(errors, path, 'This value is not allowed.');
  }

  /** oneOf/anyOf: name the alternatives when they are "one of these fields", else explain the branch that fits the data's type. */
  private explainChoice(key: 'oneOf' | 'anyOf', branches: Schema[], data: unknown, path: string[], errors: ValidationBody): void {
    const resolved = branches.map((b) => this.resolve<Schema>(b));
    const passing = resolved.filter((b) => this.passes(b, data)).length;
    if (key === 'anyOf' ? passing > 0 : passing === 1) return;
    const fieldSets = resolved.map((b) => (typeof b === 'object' && Array.isArray(b.required) ? (b.required as string[]) : undefined));
    if (isObject(data) && fieldSets.every((f) => f && f.length === 1)) {
      const names = fieldSets.map((f) => f![0]!);
      const present = names.filter((name) => Object.hasOwn(data, name) && data[name] !== null);
      if (key === 'anyOf' || present.length !== 1) {
        const list = `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
        return add(errors, [...path, 'non_field_errors'], key === 'anyOf' ? `Either ${list} is required.` : `Exactly one of ${list} is required.`);
      }
      // The right field is there: what is wrong is inside the branch that names it.
      return this.explain(resolved[names.indexOf(present[0]!)]!, data, path, errors);
    }
    const fitting = resolved.filter((b) => this.typesOf(b).has(jsonType(data)) || (jsonType(data) === 'integer' && this.typesOf(b).has('number')));
    if (fitting.length === 1) return this.explain(fitting[0]!, data, path, errors);
    if (fitting.length === 0) {
      const types = new Set(resolved.flatMap((b) => [...this.typesOf(b)]));
      return add(errors, path, typeMessage(types, data));
    }
    // Several branches of the right type: report the one with the fewest problems.
    let best: ValidationBody | undefined;
    for (const branch of fitting) {
      const branchErrors: ValidationBody = {};
      this.explain(branch, data, path, branchErrors);
      if (!best || countMessages(branchErrors) < countMessages(best)) best = branchErrors;
    }
    mergeInto(errors, best ?? {});
    if (passing > 1) add(errors, [...path, 'non_field_errors'], 'The value matches more than one of the allowed shapes.');
  }

  /** `undefined` when `body` is what the spec documents for this operation and status. */
  validateResponse(operationId: string, status: number, body: unknown): string | undefined {
    const operation = this.operations.get(operationId);
    if (!operation) return `operation ${operationId} is not in the spec`;
    const validate = operation.responses.get(String(status)) ?? operation.responses.get(`${String(status)[0]}XX`);
    if (validate === undefined && !operation.responses.has(String(status))) {
      return `${operationId} answered ${status}, which the spec does not document (documented: ${[...operation.responses.keys()].join(', ')})`;
    }
    if (validate === null || validate === undefined) {
      return body === undefined ? undefined : `${operationId} ${status} has a body, but the spec documents none`;
    }
    if (validate(body)) return undefined;
    const problems = (validate.errors ?? [])
      .slice(0, 3)
      .map((e) => {
        const where = (e.parentSchema && this.pointers.get(e.parentSchema)) ?? decodeURIComponent(e.schemaPath).replace(SPEC_ID, '');
        return `${e.instancePath || '/'} ${e.message} (schema ${where}/${e.keyword})`;
      });
    return `${operationId} ${status} response breaks the spec: ${problems.join('; ')}`;
  }
}

function indexPointers(node: unknown, pointer: string, into: WeakMap<object, string>): void {
  if (!node || typeof node !== 'object' || into.has(node)) return;
  into.set(node, pointer);
  for (const [key, value] of Object.entries(node)) indexPointers(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, into);
}

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const PY_NAMES: Record<string, string> = { object: 'dict', array: 'list', string: 'str', integer: 'int', number: 'float', boolean: 'bool', null: 'NoneType' };

function typeMessage(types: Set<string>, data: unknown): string {
  const got = PY_NAMES[jsonType(data)] ?? jsonType(data);
  if (types.has('object')) return `Invalid data. Expected a dictionary, but got ${got}.`;
  if (types.has('array')) return `Expected a list of items but got type "${got}".`;
  if (data === null) return 'This field may not be null.';
  if (types.has('integer')) return 'A valid integer is required.';
  if (types.has('number')) return 'A valid number is required.';
  if (types.has('boolean')) return 'Must be a valid boolean.';
  return 'Not a valid string.';
}

function patternMessage(pattern: string): string {
  if (pattern.includes('\\.\\d{1,2}')) return 'A valid number with at most 2 decimal places is required.';
  return `This value does not match the required pattern ${pattern}.`;
}

function formatMessage(format: string): string {
  if (format === 'email') return 'Enter a valid email address.';
  if (format === 'uri' || format === 'url') return 'Enter a valid URL.';
  if (format === 'date-time') return 'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].';
  return `Enter a valid ${format}.`;
}

/** Adds a message at a field path, nesting objects the way DRF nests serializer errors. */
function add(errors: ValidationBody, path: string[], message: string): void {
  const target = path.length === 0 ? ['non_field_errors'] : path;
  let node: ValidationBody = errors;
  for (let i = 0; i < target.length - 1; i++) {
    const key = target[i]!;
    const next = node[key];
    if (Array.isArray(next)) {
      next.push(`${target.slice(i + 1).join('.')}: ${message}`);
      return;
    }
    node = (next as ValidationBody | undefined) ?? (node[key] = {});
  }
  const leaf = target.at(-1)!;
  const existing = node[leaf];
  if (Array.isArray(existing)) {
    if (!existing.includes(message)) existing.push(message);
  } else if (existing && typeof existing === 'object') add(existing, ['non_field_errors'], message);
  else node[leaf] = [message];
}

const TYPE_MISMATCH = /^(Not a valid|Invalid data\. Expected|Expected a list|A valid (integer|number) is required|Must be a valid boolean|This field may not be null)/;

/** How badly a branch fits: a wrong type weighs more than a wrong value, so the branch whose shape matches wins. */
function countMessages(errors: ValidationBody): number {
  return Object.values(errors).reduce<number>(
    (n, v) => n + (Array.isArray(v) ? v.reduce((m, message) => m + (TYPE_MISMATCH.test(message) ? 10 : 1), 0) : countMessages(v)),
    0,
  );
}

function mergeInto(target: ValidationBody, source: ValidationBody, path: string[] = []): void {
  for (const [key, value] of Object.entries(source)) {
    if (Array.isArray(value)) for (const message of value) add(target, [...path, key], message);
    else mergeInto(target, value, [...path, key]);
  }
}

/** Never answer an empty 400: fall back to Ajv's own words. */
function ensureSomething(errors: ValidationBody, validate: ValidateFunction): ValidationBody {
  if (Object.keys(errors).length > 0) return errors;
  const first = validate.errors?.[0];
  return { non_field_errors: [first ? `${first.instancePath || 'body'} ${first.message}` : 'Invalid request.'] };
}
