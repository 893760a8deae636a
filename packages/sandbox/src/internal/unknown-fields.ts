/**
 * The API, like DRF, accepts a body field it does not know and drops it without a word: a typo
 * (`metdata`) then loses data silently. The sandbox accepts it too, and says so: this names each
 * field of a valid JSON body that its schema does not declare, as a dotted path (`metdata`,
 * `employee.nmae`, `0.descripton` for an item of a bulk body).
 */
import { resolveIn, type OpenApiDocument } from '@gigapay/openapi-validator';

type Schema = { [keyword: string]: unknown };

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
      if (declared.length) collect(declared, field, [...path, name], out);
      else out.push([...path, name].join('.'));
    }
  }

  return (operationId, body) => {
    const schema = bodies.get(operationId);
    if (schema === undefined) return undefined;
    const fields: string[] = [];
    collect(parts(schema), body, [], fields);
    return fields.length ? `ignored unknown field${fields.length > 1 ? 's' : ''}: ${fields.join(', ')}` : undefined;
  };
}
