// A bundle step: what Gigapay POSTs to a webhook is a request from Gigapay's side, so the fields a
// response marks `readOnly` (the timestamps an event is about: `accepted_at`, `paid_at`, …) must
// not be `readOnly` there, or generators drop them from the payload type (hey-api's zod plugin
// strips them from a real delivery). Payout.yaml, Employee.yaml and Invoice.yaml stay the one
// source: each webhook's payload becomes `<Name>Event`, a copy of `<Name>` without `readOnly`.

import { nameOf, SCHEMA_REF } from './schema-ref.mjs';

/** `schema` with every `readOnly` removed, in place of its own keywords (a `$ref` is left as it is). */
export function withoutReadOnly(schema) {
  if (Array.isArray(schema)) return schema.map(withoutReadOnly);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== 'readOnly').map(([key, value]) => [key, withoutReadOnly(value)]));
}

/** Points every webhook whose JSON body is a component with `readOnly` fields at its `<Name>Event` copy (added to `components.schemas`). */
export function webhookPayloads(document) {
  const schemas = document.components.schemas;
  const events = {};
  for (const pathItem of Object.values(document.webhooks ?? {})) {
    for (const operation of Object.values(pathItem)) {
      const body = operation?.requestBody?.content?.['application/json'];
      const name = nameOf(body?.schema?.$ref);
      if (!name || !JSON.stringify(schemas[name]).includes('"readOnly"')) continue;
      events[`${name}Event`] ??= {
        ...withoutReadOnly(schemas[name]),
        description: `${name} as Gigapay posts it to your webhook: every field of \`${name}\`, none of them read-only (a notification is a request from Gigapay's side, so generators keep the fields a response marks \`readOnly\`).`,
      };
      body.schema = { $ref: `${SCHEMA_REF}${name}Event` };
    }
  }
  return { ...document, components: { ...document.components, schemas: { ...schemas, ...events } } };
}
