/**
 * The API, like DRF, accepts a body field it does not know and drops it without a word: a typo
 * (`metdata`) then loses data silently. The sandbox accepts it too, and says so: this names each
 * field of a valid JSON body that its schema does not declare, as a dotted path (`metdata`,
 * `employee.nmae`, `0.descripton` for an item of a bulk body).
 *
 * The warning is a header value, and the names in it are the client's: it must be writable
 * whatever they are. So it is ASCII only (a name with anything beyond letters, digits, `_` and
 * `-` is written as a JSON string with `\uXXXX` escapes: `"\u20ac"`, `"a\r\nb"`), each path is
 * cut at {@link MAX_PATH_LENGTH} characters, and at most {@link MAX_LISTED} paths are named before
 * "...and N more".
 */
import { resolveIn, type OpenApiDocument } from '@gigapay/openapi-validator';

type Schema = { [keyword: string]: unknown };

/** Paths named in one warning; the rest are counted. */
export const MAX_LISTED = 10;
/** Characters of one (escaped) path; a longer one ends in "...". */
export const MAX_PATH_LENGTH = 80;

/** `(operationId, body)` → the warning for its ignored fields, or `undefined` when there are none. */
export type IgnoredFieldsWarning = (operationId: string, body: unknown) => string | undefined;

const finders = new WeakMap<OpenApiDocument, IgnoredFieldsWarning>();

export function ignoredFieldsWarning(spec: OpenApiDocument): IgnoredFieldsWarning {
  let finder = finders.get(spec);
  if (!finder) finders.set(spec, (finder = createFinder(spec)));
  return finder;
}

function createFinder(spec: OpenApiDocument): IgnoredFieldsWarning {
  const resolve = (node: unknown): Schema | undefined => {
    const schema = resolveIn<unknown>(spec, node);
    return schema && typeof schema === 'object' ? (schema as Schema) : undefined;
  };
  /** A schema and its allOf / oneOf / anyOf parts, resolved: a field is known if any of them declares it. */
  const parts = (node: unknown, out: Schema[] = []): Schema[] => {
    const schema = resolve(node);
    if (!schema) return out;
    out.push(schema);
    for (const key of ['allOf', 'oneOf', 'anyOf']) for (const part of (schema[key] as unknown[] | undefined) ?? []) parts(part, out);
    return out;
  };

  const bodies = new Map<string, unknown>();
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values(item as Schema) as Schema[]) {
      const content = resolve(operation?.requestBody)?.content as Record<string, Schema> | undefined;
      if (typeof operation?.operationId === 'string' && content?.['application/json']) bodies.set(operation.operationId, content['application/json'].schema);
    }
  }

  function collect(schemas: Schema[], value: unknown, path: string[], out: string[]): void {
    if (Array.isArray(value)) {
      const items = schemas.flatMap((schema) => (schema.items === undefined ? [] : parts(schema.items)));
      if (items.length) value.forEach((item, index) => collect(items, item, [...path, String(index)], out));
      return;
    }
    if (!value || typeof value !== 'object') return;
    const objects = schemas.filter((schema) => schema.properties !== undefined || schema.additionalProperties !== undefined);
    // No schema of it names its fields, or one takes any (metadata): nothing is unknown here.
    if (!objects.length || objects.some((schema) => schema.additionalProperties !== undefined && schema.additionalProperties !== false)) return;
    for (const [name, field] of Object.entries(value)) {
      const declared = objects.flatMap((schema) => {
        const properties = (schema.properties ?? {}) as Record<string, unknown>;
        return Object.hasOwn(properties, name) ? parts(properties[name]) : [];
      });
      if (declared.length) collect(declared, field, [...path, shown(name)], out);
      else out.push([...path, shown(name)].join('.'));
    }
  }

  return (operationId, body) => {
    const schema = bodies.get(operationId);
    if (schema === undefined) return undefined;
    const fields: string[] = [];
    collect(parts(schema), body, [], fields);
    return fields.length ? warningFor(fields) : undefined;
  };
}

/** `ignored unknown field(s): a, b, ...and N more`, ASCII only and at most about 1 KB long. */
function warningFor(paths: readonly string[]): string {
  const listed = paths.slice(0, MAX_LISTED).map(cut);
  if (paths.length > MAX_LISTED) listed.push(`...and ${paths.length - MAX_LISTED} more`);
  return `ignored unknown field${paths.length > 1 ? 's' : ''}: ${listed.join(', ')}`;
}

const cut = (path: string): string => (path.length > MAX_PATH_LENGTH ? `${path.slice(0, MAX_PATH_LENGTH - 3)}...` : path);

const PLAIN_NAME = /^[A-Za-z0-9_-]+$/;

/** A field name as it appears in the warning: as is when plain, else a JSON string escaped to ASCII. */
function shown(name: string): string {
  if (PLAIN_NAME.test(name)) return name;
  return JSON.stringify(name).replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
