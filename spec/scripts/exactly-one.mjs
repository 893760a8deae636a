// A bundle step: a request body built as `allOf` [shared fields, …, AmountBasis] becomes one
// `oneOf` of complete objects, one per amount basis, each with every field of the body.
//
// Why: the split spec shares the fields (PayoutCreateFields) and the exactly-one rule
// (AmountBasis) by `$ref`, one source each. But Redoc renders a `oneOf` branch with the branch's
// own properties only, never the fields beside it (through `allOf` or on the parent), so Create
// Payouts showed three rows; and generators read a branch best when it is a whole object. The
// published bundle therefore spells each branch out: PayoutCreate is "the fields + `amount`, the
// other two forbidden" | "… + `invoiced_amount` …" | "… + `cost` …".

import { nameOf } from './schema-ref.mjs';

/** An `allOf` of plain objects as one object (properties and required merged); undefined when a part is not a plain object. */
function merge(parts, schemas) {
  const out = { properties: {}, required: [] };
  for (const part of parts) {
    const object = nameOf(part.$ref) ? schemas[nameOf(part.$ref)] : part;
    if (!object || object.allOf || object.oneOf || object.anyOf) return undefined;
    Object.assign(out.properties, object.properties ?? {});
    out.required.push(...(object.required ?? []));
  }
  return out;
}

/** Each schema whose `allOf` holds one `$ref` to a schema made of a `oneOf` of objects, spelt out as a `oneOf` of whole objects. */
export function exactlyOneBranches(document) {
  const schemas = document.components.schemas;
  const out = { ...schemas };
  for (const [name, schema] of Object.entries(schemas)) {
    if (!Array.isArray(schema.allOf)) continue;
    const choices = schema.allOf.filter((part) => Array.isArray(schemas[nameOf(part.$ref)]?.oneOf));
    if (choices.length !== 1) continue;
    const fields = merge(schema.allOf.filter((part) => part !== choices[0]), schemas);
    if (!fields) continue;
    const { allOf, ...about } = schema;
    out[name] = {
      ...about,
      type: 'object',
      oneOf: schemas[nameOf(choices[0].$ref)].oneOf.map((branch) => ({
        ...branch,
        type: 'object',
        required: [...new Set([...fields.required, ...(branch.required ?? [])])],
        properties: { ...fields.properties, ...branch.properties },
      })),
    };
  }
  return { ...document, components: { ...document.components, schemas: out } };
}
