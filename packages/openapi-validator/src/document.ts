/** The parts of an OpenAPI 3.1 document this package reads; anything else passes through. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  webhooks?: Record<string, Record<string, unknown>>;
  servers?: { url: string; [key: string]: unknown }[];
  security?: unknown[];
  [key: string]: unknown;
}

export type Schema = Record<string, unknown> | boolean;
export type JsonObject = Record<string, unknown>;

export const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The base every local `$ref` is made absolute against, so any sub-schema compiles on its own. */
export const DOCUMENT_ID = 'https://openapi-validator.local/openapi.json';

/** Copies the document with every local `$ref` (`#/…`) made absolute against {@link DOCUMENT_ID}. */
export function absolutiseRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(absolutiseRefs);
  if (value && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = key === '$ref' && typeof inner === 'string' && inner.startsWith('#') ? `${DOCUMENT_ID}${inner}` : absolutiseRefs(inner);
    }
    return out;
  }
  return value;
}

/** Follows `$ref`s (local or absolutised) until a node that is not a reference. */
export function resolveIn<T = JsonObject>(document: unknown, value: unknown): T {
  let current = value as JsonObject;
  for (let depth = 0; depth < 32 && current && typeof current.$ref === 'string'; depth++) {
    const ref = current.$ref as string;
    const pointer = ref.slice(ref.indexOf('#') + 1);
    current = pointer
      .split('/')
      .filter(Boolean)
      .reduce<unknown>((node, token) => (node as JsonObject | undefined)?.[token.replace(/~1/g, '/').replace(/~0/g, '~')], document) as JsonObject;
  }
  return current as T;
}

/** A JSON pointer for every object of `node`, to name a schema in a report. */
export function indexPointers(node: unknown, pointer: string, into: WeakMap<object, string>): void {
  if (!node || typeof node !== 'object' || into.has(node)) return;
  into.set(node, pointer);
  for (const [key, value] of Object.entries(node)) indexPointers(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, into);
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

export const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);
