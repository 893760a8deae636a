/**
 * The sandbox's face on the one validator (@gigapay/openapi-validator): requests are checked
 * against the spec and, when invalid, explained in Django REST Framework's shape (field →
 * messages, nested objects, `non_field_errors`, per-item arrays for bulk bodies), the shape the
 * real API answers. Ajv decides validity; `explain` walks the failing schema to say why.
 * Responses are checked too (strict mode): a status the operation does not document, or a body
 * or header that breaks its schema, is reported with the operation and where in the spec.
 */
import { formatProblem, isObject, jsonType, OpenApiValidator, type JsonObject, type OpenApiDocument, type Schema, type ValidateFunction } from '@gigapay/openapi-validator';
import type { ValidationBody } from './errors.js';
import { isCurrency, isMoneyPattern, isNotPositive, NOT_POSITIVE, unknownCurrency, valueProblems } from './request-values.js';
import { closestTypo } from './spelling.js';

export type { OpenApiDocument } from '@gigapay/openapi-validator';

export class SpecChecks {
  readonly spec: OpenApiValidator;
  /** Every property name any schema of the spec declares: such a name is never taken for a typo. */
  private fieldNames: Set<string> | undefined;

  constructor(document: OpenApiDocument) {
    // The first error is enough to decide; explain() finds the reasons itself.
    this.spec = new OpenApiValidator(document, { allErrors: false });
  }

  /** The spec's operations as `{ operationId, method, path }`, to check the route table against. */
  listOperations(): { operationId: string; method: string; path: string }[] {
    return this.spec.operations.map(({ operationId, method, path }) => ({ operationId, method, path }));
  }

  /** The query as its parameters' schemas read it (the value validation and paging both use). */
  parseQuery(operationId: string, search: URLSearchParams): JsonObject {
    return this.spec.parseQuery(operationId, search);
  }

  /** The media types the operation documents for its request body. */
  mediaTypes(operationId: string): string[] {
    return [...(this.spec.operation(operationId)?.bodies.keys() ?? [])];
  }

  /**
   * A `multipart/form-data` body as the object its schema describes, the way DRF's parsers read a
   * form (see OpenApiValidator.readForm). Not validated yet: pass the result to `validateRequest`
   * with the same media type.
   */
  async formBody(operationId: string, form: FormData): Promise<{ body: JsonObject } | { errors: ValidationBody }> {
    const { body, unparsable } = await this.spec.readForm(operationId, form);
    if (unparsable.length === 0) return { body };
    return { errors: Object.fromEntries(unparsable.map((name) => [name, ['Value must be valid JSON.']])) };
  }

  /** `undefined` when the response is what the spec documents for this operation and status. */
  validateResponse(operationId: string, status: number, body: unknown, headers?: Headers): string | undefined {
    const problems = this.spec.checkResponseParts(operationId, { status, body, ...(headers ? { headers } : {}) });
    if (problems.length === 0) return undefined;
    return `${operationId} ${status} breaks the spec: ${problems.slice(0, 3).map(formatProblem).join('; ')}`;
  }

  /** A DRF-shaped 400 body for an invalid request, or `undefined` when it is valid. */
  validateRequest(operationId: string, search: URLSearchParams, body: unknown, mediaType = 'application/json'): ValidationBody | ValidationBody[] | undefined {
    const operation = this.spec.operation(operationId);
    if (!operation) return undefined;
    const query = this.spec.parseQuery(operationId, search);
    const validateQuery = this.spec.validator(operation.querySchema);
    if (!validateQuery(query)) {
      const errors: ValidationBody = {};
      this.explain(operation.querySchema, query, [], errors);
      return ensureSomething(errors, validateQuery);
    }
    const schema = operation.bodies.get(mediaType);
    if (schema !== undefined) {
      const validate = this.spec.validator(schema);
      if (!validate(body)) return this.explainBody(schema, body, validate);
      return this.explainValues(schema, body);
    }
    return undefined;
  }

  /** The rules a schema cannot state (positive money, active currency codes), DRF-shaped, per item for a bulk body. */
  private explainValues(schema: Schema, body: unknown): ValidationBody | ValidationBody[] | undefined {
    const problems = valueProblems((node) => this.spec.resolve<JsonObject>(node), schema, body);
    if (problems.length === 0) return undefined;
    if (Array.isArray(body)) {
      const perItem = body.map((): ValidationBody => ({}));
      for (const { path, message } of problems) add(perItem[Number(path[0])]!, path.slice(1), message);
      return perItem;
    }
    const errors: ValidationBody = {};
    for (const { path, message } of problems) add(errors, path, message);
    return errors;
  }

  /** Of the body's fields that no schema of the spec declares, the one that looks like a typo of `missing`. */
  private misspelling(missing: string, data: JsonObject): string | undefined {
    this.fieldNames ??= declaredFieldNames(this.spec.document);
    const names = this.fieldNames;
    return closestTypo(missing, Object.keys(data).filter((name) => !names.has(name)));
  }

  /** Bulk bodies (a oneOf with an array branch) get per-item errors when an array was sent. */
  private explainBody(schema: Schema, body: unknown, validate: ValidateFunction): ValidationBody | ValidationBody[] {
    // A boolean schema reads `oneOf` as undefined, like a boolean branch reads `type` below.
    const branches = this.spec.resolve<JsonObject>(schema).oneOf as Schema[] | undefined;
    if (Array.isArray(body) && branches) {
      const arrayBranch = branches.map((b) => this.spec.resolve<JsonObject>(b)).find((b) => b.type === 'array');
      const items = arrayBranch?.items as Schema | undefined;
      if (arrayBranch && items) {
        // DRF checks a list's length before its items.
        const minItems = Number(arrayBranch.minItems ?? 0);
        if (body.length < minItems) return { non_field_errors: [tooFewItems(minItems)] };
        const validateItem = this.spec.validator(items);
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
    const s = this.spec.resolve<JsonObject>(schema);
    if (this.spec.passes(s, data)) return;

    const types = this.spec.typesOf(s);
    if (types.size && !types.has(jsonType(data)) && !(types.has('number') && jsonType(data) === 'integer')) {
      return add(errors, path, typeMessage(types, data));
    }

    for (const part of (s.allOf as Schema[] | undefined) ?? []) this.explain(part, data, path, errors);
    for (const key of ['oneOf', 'anyOf'] as const) {
      const branches = s[key] as Schema[] | undefined;
      if (branches) this.explainChoice(key, branches, data, path, errors);
    }
    if (s.not !== undefined && this.spec.passes(s.not as Schema, data)) add(errors, path, 'This value is not allowed.');

    if (isObject(data)) {
      for (const name of (s.required as string[] | undefined) ?? []) {
        if (Object.hasOwn(data, name)) continue;
        add(errors, [...path, name], 'This field is required.');
        const typo = this.misspelling(name, data);
        if (typo !== undefined) add(errors, [...path, name], `unknown field \`${typo}\`; did you mean \`${name}\`?`);
      }
      const properties = (s.properties as Record<string, Schema> | undefined) ?? {};
      for (const [name, value] of Object.entries(data)) {
        if (Object.hasOwn(properties, name)) this.explain(properties[name]!, value, [...path, name], errors);
        else if (s.additionalProperties === false) add(errors, [...path, name], 'Unknown field.');
        // `true` lets anything through (explain returns at once); a schema explains the value.
        else if (s.additionalProperties !== undefined) this.explain(s.additionalProperties as Schema, value, [...path, name], errors);
      }
    }
    if (Array.isArray(data)) {
      if (typeof s.minItems === 'number' && data.length < s.minItems) {
        add(errors, path, tooFewItems(s.minItems));
      }
      if (typeof s.maxItems === 'number' && data.length > s.maxItems) add(errors, path, `Ensure this field has no more than ${s.maxItems} elements.`);
      if (s.uniqueItems === true && new Set(data.map((v) => JSON.stringify(v))).size !== data.length) add(errors, path, 'Items must be unique.');
      if (s.items !== undefined) data.forEach((item, index) => this.explain(s.items as Schema, item, [...path, String(index)], errors));
    }
    if (typeof data === 'string') {
      // Characters as Ajv and DRF count them (code points: an emoji is one, not two).
      const length = [...data].length;
      if (typeof s.minLength === 'number' && length < s.minLength) {
        add(errors, path, s.minLength === 1 ? 'This field may not be blank.' : `Ensure this field has at least ${s.minLength} characters.`);
      }
      if (typeof s.maxLength === 'number' && length > s.maxLength) add(errors, path, `Ensure this field has no more than ${s.maxLength} characters.`);
      if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(data)) add(errors, path, isCurrency(s) ? unknownCurrency(data) : patternMessage(s.pattern, data));
      if (typeof s.format === 'string' && !this.spec.passesFormat(s.format, data)) add(errors, path, formatMessage(s.format));
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
    const resolved = branches.map((b) => this.spec.resolve<Schema>(b));
    const passing = resolved.filter((b) => this.spec.passes(b, data)).length;
    if (key === 'anyOf' ? passing > 0 : passing === 1) return;
    // Each branch has passed Ajv's meta-schema check (compiled above): `required` is a list of names
    // or absent, and a boolean branch reads it as absent.
    // "One of these fields": each branch requires what they all require plus one field of its own
    // (a bare `required: [amount]`, or a whole object, as the bundle spells out the amount basis).
    const fieldSets = resolved.map((b) => ((b as JsonObject).required as string[] | undefined) ?? []);
    const common = fieldSets[0]!.filter((name) => fieldSets.every((f) => f.includes(name)));
    const ownFields = fieldSets.map((f) => f.filter((name) => !common.includes(name)));
    if (isObject(data) && resolved.length > 1 && ownFields.every((f) => f.length === 1)) {
      const names = ownFields.map((f) => f[0]!);
      const present = names.filter((name) => Object.hasOwn(data, name) && data[name] !== null);
      if (key === 'anyOf' ? present.length === 0 : present.length !== 1) {
        const list = `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
        add(errors, [...path, 'non_field_errors'], key === 'anyOf' ? `Either ${list} is required.` : `Exactly one of ${list} is required.`);
        // The rest of the object as every branch has it, and each basis sent by its own branch.
        const { [names[0]!]: _, ...shared } = (resolved[0] as JsonObject).properties as Record<string, Schema> ?? {};
        const rest = Object.fromEntries(Object.entries(data).filter(([name]) => !names.includes(name)));
        this.explain({ ...(resolved[0] as JsonObject), required: common, properties: Object.fromEntries(Object.entries(shared).filter(([name]) => !names.includes(name))) } as Schema, rest, path, errors);
        for (const name of present) {
          const own = ((resolved[names.indexOf(name)] as JsonObject).properties as Record<string, Schema> | undefined)?.[name];
          if (own !== undefined) this.explain(own, data[name], [...path, name], errors);
        }
        return;
      }
      // The field the choice needs is there: what is wrong is inside the branches that name it.
      for (const name of present) this.explain(resolved[names.indexOf(name)]!, data, path, errors);
      return;
    }
    const fitting = resolved.filter((b) => this.spec.typesOf(b).has(jsonType(data)) || (jsonType(data) === 'integer' && this.spec.typesOf(b).has('number')));
    if (fitting.length === 0) {
      const types = new Set(resolved.flatMap((b) => [...this.spec.typesOf(b)]));
      return add(errors, path, typeMessage(types, data));
    }
    // Report the branch of the right type with the fewest problems (the only one, if one is).
    let best: ValidationBody | undefined;
    for (const branch of fitting) {
      const branchErrors: ValidationBody = {};
      this.explain(branch, data, path, branchErrors);
      if (!best || countMessages(branchErrors) < countMessages(best)) best = branchErrors;
    }
    mergeInto(errors, best!);
    if (passing > 1) add(errors, [...path, 'non_field_errors'], 'The value matches more than one of the allowed shapes.');
  }

}

/** The names in every `properties` of the document, wherever it is. */
function declaredFieldNames(document: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const properties = (node as JsonObject).properties;
    if (isObject(properties)) for (const name of Object.keys(properties)) names.add(name);
    Object.values(node).forEach(visit);
  };
  visit(document);
  return names;
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

function tooFewItems(minItems: number): string {
  return minItems === 1 ? 'This list may not be empty.' : `Ensure this field has at least ${minItems} elements.`;
}

function patternMessage(pattern: string, data: string): string {
  if (isMoneyPattern(pattern)) return isNotPositive(data) ? NOT_POSITIVE : 'A valid number with at most 2 decimal places is required.';
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
  } else if (existing) add(existing, ['non_field_errors'], message);
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
