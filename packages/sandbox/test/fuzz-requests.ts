/**
 * Spec-invalid requests by construction, for the fuzz test. Each one is a valid request of its
 * operation with exactly one thing broken, and that thing is read from the spec:
 *
 *   body    a required field dropped · a value of a type the schema does not allow · a string
 *           over `maxLength` / under `minLength` · one that breaks `pattern` or `format` · a value
 *           outside `enum` · a number outside `minimum` · an empty or duplicated array · a broken
 *           array item · an "exactly one of" with two or none · an unknown field where
 *           `additionalProperties` is false · a body of the wrong type · a bulk array with a bad item
 *   query   a value its parameter's schema refuses (type, enum, format, minimum)
 *   path    an id shorter than its `minLength`
 *   headers a required header (`Authorization`, the security scheme; `Integration-ID`) missing or
 *           empty · an `Idempotency-Key` outside its length limits
 *
 * A candidate is kept only when a plain Ajv, compiled here straight from the bundled spec (not the
 * sandbox's validator), also finds it invalid: the construction proposes, an independent oracle
 * confirms, and the sandbox's own validator decides nothing.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

type Json = any;
export type Expected = 400 | 401 | 403 | 404;

export interface FuzzRequest {
  kind: string;
  method: string;
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body: string | undefined;
  expected: Expected;
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
}

const SPEC_ID = 'https://fuzz.oracle/openapi.json';
const WRONG_TYPE_SAMPLES: Record<string, unknown> = { string: 'fuzz', integer: 7, number: 1.5, boolean: true, null: null, array: [], object: {} };
const BAD_FORMATS: Record<string, string[]> = {
  email: ['not-an-email', 'a@', '@example.com', 'two@@example.com'],
  uri: ['not a uri', 'http//missing-colon', '::'],
  'date-time': ['yesterday', '2024-13-01T00:00:00Z', '2024-01-01T25:00:00Z', '2024-01-01', '1'],
};
const PATTERN_BREAKERS = ['', ' ', 'abc', '-1', '1.234', '1,50', 'sek', 'SWEDEN', '+4670', '💥'];
const QUERY_CANDIDATES = ['abc', '1.5', '0', '-1', '1e3', 'maybe', 'truth', 'bogus', 'EMPLOYEE', 'employee,invoice', '4', 'yesterday', '2024-13-01T00:00:00Z', '2024-01-01T25:00:00Z', '2024-01-01'];

export class SpecOracle {
  readonly spec: Json;
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(spec: Json) {
    this.spec = spec;
    this.ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...spec, $id: SPEC_ID });
  }

  resolve(node: Json): Json {
    for (let depth = 0; node && typeof node.$ref === 'string' && depth < 20; depth++) {
      node = node.$ref.slice(2).split('/').reduce((n: Json, token: string) => n[token.replace(/~1/g, '/').replace(/~0/g, '~')], this.spec);
    }
    return node;
  }

  operation(op: Operation): Json {
    return this.spec.paths[op.path][op.method.toLowerCase()];
  }

  parameters(op: Operation): Json[] {
    return [...(this.spec.paths[op.path].parameters ?? []), ...(this.operation(op).parameters ?? [])].map((p: Json) => this.resolve(p));
  }

  /** The JSON pointer of the operation's JSON body schema, or undefined. */
  private bodyPointer(op: Operation): string | undefined {
    const requestBody = this.operation(op).requestBody;
    if (!requestBody) return undefined;
    const base = requestBody.$ref ? requestBody.$ref.slice(1) : `/paths/${op.path.replace(/~/g, '~0').replace(/\//g, '~1')}/${op.method.toLowerCase()}/requestBody`;
    return `${base}/content/application~1json/schema`;
  }

  bodySchema(op: Operation): Json | undefined {
    const pointer = this.bodyPointer(op);
    return pointer === undefined ? undefined : pointer.slice(1).split('/').reduce((n: Json, t: string) => n?.[t.replace(/~1/g, '/').replace(/~0/g, '~')], this.spec);
  }

  private validator(pointer: string): ValidateFunction {
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.getSchema(`${SPEC_ID}#${pointer}`);
      if (!validate) throw new Error(`no schema at ${pointer}`);
      this.compiled.set(pointer, validate);
    }
    return validate;
  }

  bodyIsValid(op: Operation, body: unknown): boolean {
    return this.validator(this.bodyPointer(op)!)(body) === true;
  }

  private readonly valueValidators = new Map<object, ValidateFunction>();

  valueIsValid(schema: Json, value: unknown): boolean {
    let validate = this.valueValidators.get(schema);
    if (!validate) {
      validate = this.ajv.compile(this.absolute(schema));
      this.valueValidators.set(schema, validate);
    }
    return validate(value) === true;
  }

  /** `schema` with its local `$ref`s pointing into the registered spec. */
  private absolute(schema: Json): Json {
    if (Array.isArray(schema)) return schema.map((s) => this.absolute(s));
    if (!schema || typeof schema !== 'object') return schema;
    return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${SPEC_ID}${v}` : this.absolute(v)]));
  }

  /** Every schema node (following $ref, allOf, oneOf, anyOf) that describes the value at `path` of a body. */
  nodesAt(schema: Json, path: string[]): Json[] {
    const out: Json[] = [];
    const visit = (node: Json, rest: string[]) => {
      node = this.resolve(node);
      if (!node || typeof node !== 'object') return;
      for (const key of ['allOf', 'oneOf', 'anyOf']) for (const part of node[key] ?? []) visit(part, rest);
      if (rest.length === 0) return void out.push(node);
      const [head, ...tail] = rest;
      if (/^\d+$/.test(head!) && node.items) visit(node.items, tail);
      else if (node.properties && Object.hasOwn(node.properties, head!)) visit(node.properties[head!], tail);
    };
    visit(schema, path);
    return out;
  }
}

/** The JSON types the nodes allow, or undefined when some node leaves the type open. */
function allowedTypes(nodes: Json[]): Set<string> | undefined {
  const types = new Set<string>();
  let constrained = false;
  for (const node of nodes) {
    const type = node.type;
    if (typeof type === 'string') types.add(type);
    else if (Array.isArray(type)) type.forEach((t: string) => types.add(t));
    if (type !== undefined) constrained = true;
  }
  if (!constrained) return undefined;
  if (types.has('number')) types.add('integer');
  return types;
}

/** Values that break at least one constraint the nodes put on a value (proposals; the oracle confirms). */
function badValues(oracle: SpecOracle, nodes: Json[], current: unknown): { kind: string; value: unknown }[] {
  const out: { kind: string; value: unknown }[] = [];
  const types = allowedTypes(nodes);
  if (types) for (const [type, sample] of Object.entries(WRONG_TYPE_SAMPLES)) if (!types.has(type)) out.push({ kind: `type:${type}`, value: sample });
  for (const node of nodes) {
    if (typeof node.maxLength === 'number') {
      out.push({ kind: 'maxLength', value: 'x'.repeat(node.maxLength + 1) });
      out.push({ kind: 'maxLength', value: 'é'.repeat(node.maxLength + 7) });
    }
    if (typeof node.minLength === 'number' && node.minLength > 0) out.push({ kind: 'minLength', value: 'x'.repeat(node.minLength - 1) });
    if (typeof node.pattern === 'string') for (const text of PATTERN_BREAKERS) if (!new RegExp(node.pattern, 'u').test(text)) out.push({ kind: 'pattern', value: text });
    if (typeof node.format === 'string') for (const text of BAD_FORMATS[node.format] ?? []) out.push({ kind: `format:${node.format}`, value: text });
    if (Array.isArray(node.enum)) {
      out.push({ kind: 'enum', value: 'NOT-IN-THE-ENUM' });
      const first = node.enum[0];
      if (typeof first === 'string') out.push({ kind: 'enum', value: first.toLowerCase() === first ? first.toUpperCase() : first.toLowerCase() });
    }
    if (typeof node.minimum === 'number') out.push({ kind: 'minimum', value: node.minimum - 1 });
    if (typeof node.maximum === 'number') out.push({ kind: 'maximum', value: node.maximum + 1 });
    if (node.type === 'array' || node.items) {
      if (typeof node.minItems === 'number' && node.minItems > 0) out.push({ kind: 'minItems', value: [] });
      if (node.uniqueItems && Array.isArray(current) && current.length > 0) out.push({ kind: 'uniqueItems', value: [...current, current[0]] });
      if (node.items && Array.isArray(current) && current.length > 0) {
        for (const bad of badValues(oracle, oracle.nodesAt(node.items, []), current[0]).slice(0, 4)) out.push({ kind: `item:${bad.kind}`, value: [bad.value] });
      }
    }
    if (node.additionalProperties === false && current && typeof current === 'object' && !Array.isArray(current)) {
      out.push({ kind: 'additionalProperties', value: { ...current, not_a_field: 1 } });
    }
  }
  return out;
}

const clone = (value: unknown): Json => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

function setAt(target: Json, path: string[], value: unknown): Json {
  const copy = clone(target);
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  if (value === undefined) delete node[path.at(-1)!];
  else node[path.at(-1)!] = value;
  return copy;
}

/** Every property path a body schema names (objects inside objects; array items by index 0). */
function slots(oracle: SpecOracle, schema: Json, value: Json, prefix: string[] = [], depth = 0): string[][] {
  if (depth > 3) return [];
  const here = prefix.reduce((node: Json, key) => node?.[key], value);
  if (Array.isArray(here)) return here.length > 0 ? slots(oracle, schema, value, [...prefix, '0'], depth + 1) : [];
  const names = new Set<string>();
  for (const node of oracle.nodesAt(schema, prefix)) for (const name of Object.keys(node.properties ?? {})) names.add(name);
  if (here && typeof here === 'object') for (const name of Object.keys(here)) names.add(name);
  const out: string[][] = [];
  for (const name of names) {
    const path = [...prefix, name];
    out.push(path);
    const inner = here?.[name];
    if (inner && typeof inner === 'object' && !Array.isArray(inner) && name !== 'metadata') out.push(...slots(oracle, schema, value, path, depth + 1));
  }
  return out;
}

/** Invalid variants of a valid body, each confirmed invalid by the oracle; `misses` counts proposals it found valid. */
export function bodyMutations(oracle: SpecOracle, op: Operation, base: Json): { bodies: { kind: string; body: unknown }[]; misses: number } {
  const schema = oracle.bodySchema(op);
  const proposals: { kind: string; body: unknown }[] = [];
  for (const path of slots(oracle, schema, base)) {
    const nodes = oracle.nodesAt(schema, path);
    const present = path.reduce((n: Json, k) => n?.[k], base);
    const parentPresent = path.slice(0, -1).reduce((n: Json, k) => n?.[k], base) !== undefined;
    if (!parentPresent) continue;
    const required = oracle.nodesAt(schema, path.slice(0, -1)).some((node) => Array.isArray(node.required) && node.required.includes(path.at(-1)));
    if (present !== undefined && required) proposals.push({ kind: `drop:${path.join('.')}`, body: setAt(base, path, undefined) });
    for (const bad of badValues(oracle, nodes, present)) proposals.push({ kind: `${bad.kind}:${path.join('.')}`, body: setAt(base, path, bad.value) });
  }
  // "Exactly one of": a oneOf whose branches each require one field: send two of them, or none.
  const groups = oracle.nodesAt(schema, []).flatMap((node: Json) => {
    const branches = (node.oneOf ?? []).map((b: Json) => oracle.resolve(b));
    return branches.length > 1 && branches.every((b: Json) => Array.isArray(b.required) && b.required.length === 1) ? [branches.map((b: Json) => b.required[0] as string)] : [];
  });
  for (const names of groups) {
    const present = names.filter((name: string) => base?.[name] !== undefined);
    if (present.length === 1) {
      for (const other of names.filter((name: string) => name !== present[0])) proposals.push({ kind: 'exactly-one:two', body: { ...base, [other]: base[present[0]!] } });
      proposals.push({ kind: 'exactly-one:none', body: setAt(base, [present[0]!], undefined) });
    }
  }
  for (const [type, sample] of Object.entries(WRONG_TYPE_SAMPLES)) if (type !== 'object') proposals.push({ kind: `body-type:${type}`, body: sample });
  // Bulk bodies: an empty array, and an array holding one broken item.
  const bulk = oracle.nodesAt(schema, []).some((node) => node.type === 'array');
  if (bulk) {
    proposals.push({ kind: 'bulk:empty', body: [] });
    for (const item of proposals.slice(0, 40)) if (item.body && typeof item.body === 'object' && !Array.isArray(item.body)) proposals.push({ kind: `bulk:${item.kind}`, body: [base, item.body] });
  }
  const bodies = proposals.filter((p) => !oracle.bodyIsValid(op, p.body));
  return { bodies, misses: proposals.length - bodies.length };
}

/** Query strings that break one parameter's schema, each confirmed by the oracle (on the value as a spec-following server reads it). */
export function queryMutations(oracle: SpecOracle, op: Operation): { kind: string; query: [string, string][] }[] {
  const out: { kind: string; query: [string, string][] }[] = [];
  for (const parameter of oracle.parameters(op).filter((p) => p.in === 'query')) {
    const schema = oracle.resolve(parameter.schema);
    const isArray = schema.type === 'array';
    const itemTypes = allowedTypes(oracle.nodesAt(isArray ? schema.items : schema, [])) ?? new Set<string>();
    const read = (text: string): unknown => {
      if ((itemTypes.has('integer') || itemTypes.has('number')) && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
      // Booleans as the sandbox documents them: DRF's BooleanField literals (`True`, `1`, `yes`, `on`, ...).
      if (itemTypes.has('boolean') && /^(true|1|yes|on)$/i.test(text)) return true;
      if (itemTypes.has('boolean') && /^(false|0|no|off)$/i.test(text)) return false;
      return text;
    };
    for (const text of QUERY_CANDIDATES) {
      const value = isArray ? [read(text)] : read(text);
      if (!oracle.valueIsValid(parameter.schema, value)) out.push({ kind: `query:${parameter.name}`, query: [[parameter.name, text]] });
    }
  }
  return out;
}

/** The header and path mutations the spec allows for this operation. */
export function envelopeMutations(oracle: SpecOracle, op: Operation): { kind: string; expected: Expected; change: (request: FuzzRequest) => FuzzRequest }[] {
  const out: { kind: string; expected: Expected; change: (request: FuzzRequest) => FuzzRequest }[] = [];
  const without = (headers: Record<string, string>, name: string) => Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name));
  const security = oracle.operation(op).security ?? oracle.spec.security ?? [];
  for (const requirement of security) {
    for (const scheme of Object.keys(requirement).map((name) => oracle.spec.components.securitySchemes[name])) {
      if (scheme.type === 'apiKey' && scheme.in === 'header') {
        const name = scheme.name.toLowerCase();
        out.push({ kind: `missing:${scheme.name}`, expected: 401, change: (r) => ({ ...r, headers: without(r.headers, name) }) });
      }
    }
  }
  for (const parameter of oracle.parameters(op)) {
    const schema = oracle.resolve(parameter.schema ?? {});
    const name = String(parameter.name).toLowerCase();
    if (parameter.in === 'header' && name === 'integration-id' && parameter.required) {
      out.push({ kind: 'missing:Integration-ID', expected: 403, change: (r) => ({ ...r, headers: without(r.headers, name) }) });
      if (schema.minLength >= 1) out.push({ kind: 'empty:Integration-ID', expected: 403, change: (r) => ({ ...r, headers: { ...r.headers, [name]: '' } }) });
    }
    if (parameter.in === 'header' && name === 'idempotency-key') {
      if (schema.minLength >= 1) out.push({ kind: 'empty:Idempotency-Key', expected: 400, change: (r) => ({ ...r, headers: { ...r.headers, [name]: '' } }) });
      if (typeof schema.maxLength === 'number') {
        for (const extra of [1, 40]) out.push({ kind: 'maxLength:Idempotency-Key', expected: 400, change: (r) => ({ ...r, headers: { ...r.headers, [name]: 'k'.repeat(schema.maxLength + extra) } }) });
      }
    }
    if (parameter.in === 'path' && (oracle.resolve(parameter.schema).minLength ?? 0) >= 1) {
      out.push({ kind: `minLength:path ${parameter.name}`, expected: 404, change: (r) => ({ ...r, path: op.path.replace(`{${parameter.name}}`, '') }) });
    }
  }
  return out;
}

export function requestKey(request: FuzzRequest): string {
  return JSON.stringify([request.method, request.path, request.query, Object.entries(request.headers).sort(), request.body]);
}
