/**
 * The checks a valid-looking body still gets before a handler sees it, each a rule Gigapay's
 * serializers apply and the spec cannot say in a schema: a money field is positive (`0.00` has
 * the right shape; a payout of nothing is refused), and a currency code is one ISO-4217 has (`XYZ`
 * has the right shape too). Fields are found by their schemas, not their names: a decimal-money
 * string (the `Money` pattern) and the ISO-4217 `Currency` schema, wherever a body uses them.
 */
import { ACTIVE_CURRENCIES } from './currencies.js';

type Schema = { [keyword: string]: unknown };

// The words the handlers' own check (payout-drafts) and Gigapay use for an amount of 0.
export const NOT_POSITIVE = 'Ensure this value is greater than 0.';

export const unknownCurrency = (code: string): string => `${JSON.stringify(code)} is not an active ISO-4217 currency code.`;

/** The spec's decimal-money pattern (`^\d+(\.\d{1,2})?$`): a string amount with at most 2 decimals. */
export function isMoneyPattern(pattern: string): boolean {
  return pattern.includes('\\.\\d{1,2}');
}

/** `-5.00`, `-1`, `0`, `0.00`: a number, and not above zero (a malformed amount is not this problem). */
export function isNotPositive(text: string): boolean {
  if (/^-\d+(\.\d+)?$/.test(text)) return true;
  return /^\d+(\.\d+)?$/.test(text) && Number(text) === 0;
}

/** The `Currency` schema: a three-letter code described as ISO-4217. */
export function isCurrency(schema: Schema): boolean {
  return schema.pattern === '^[A-Z]{3}$' && /ISO-?4217/i.test(String(schema.description ?? ''));
}

export interface ValueProblem {
  path: string[];
  message: string;
}

/**
 * Every money field of `data` that is not positive and every currency code that is not active,
 * walking `schema` (and its allOf / oneOf / anyOf parts) alongside the data. Meant for a body that
 * already passed the schema, so shapes are as the schema says.
 */
export function valueProblems(resolve: (node: unknown) => Schema | undefined, schema: unknown, data: unknown, path: string[] = [], out: ValueProblem[] = []): ValueProblem[] {
  const s = resolve(schema);
  if (!s) return out;
  if (typeof data === 'string') {
    if (typeof s.pattern === 'string' && isMoneyPattern(s.pattern) && isNotPositive(data)) out.push({ path, message: NOT_POSITIVE });
    if (isCurrency(s) && !ACTIVE_CURRENCIES.has(data)) out.push({ path, message: unknownCurrency(data) });
  }
  for (const key of ['allOf', 'oneOf', 'anyOf']) for (const part of (s[key] as unknown[] | undefined) ?? []) valueProblems(resolve, part, data, path, out);
  const properties = s.properties as Record<string, unknown> | undefined;
  if (properties && data && typeof data === 'object' && !Array.isArray(data)) {
    for (const [name, value] of Object.entries(data)) if (Object.hasOwn(properties, name)) valueProblems(resolve, properties[name], value, [...path, name], out);
  }
  if (s.items !== undefined && Array.isArray(data)) data.forEach((item, index) => valueProblems(resolve, s.items, item, [...path, String(index)], out));
  return out;
}
