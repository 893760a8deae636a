// Redoc renders a `oneOf` of `required` sets (the spec's "exactly one of these fields") as tabs
// that show only the branch, not the fields around it, when those fields arrive through `allOf`.
// For the docs only, each component schema built with `allOf` is merged into one object (its
// properties, required fields and `oneOf`), and each branch of such a `oneOf` carries the
// object's fields, so every tab lists every field, with its own required one marked.

const refName = (ref) => (typeof ref === 'string' && ref.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : undefined);

/** One object from an `allOf` of objects (by `$ref` or inline); undefined when it is not one. */
function merged(schema, schemas, seen = new Set()) {
  const name = refName(schema?.$ref);
  if (name) {
    if (seen.has(name)) return undefined;
    return merged(schemas[name], schemas, new Set([...seen, name]));
  }
  if (!schema || typeof schema !== 'object') return undefined;
  if (!schema.allOf) return schema.type === 'object' || schema.properties || schema.oneOf ? schema : undefined;
  const out = { type: 'object', properties: {}, required: [] };
  const { allOf, ...own } = schema;
  for (const part of [...allOf, own]) {
    // The schema's own keywords beside `allOf` (often only a description) are taken as they are.
    const object = part === own ? own : merged(part, schemas, seen);
    if (!object) return undefined;
    Object.assign(out.properties, object.properties ?? {});
    out.required.push(...(object.required ?? []));
    if (object.oneOf) {
      if (out.oneOf) return undefined;
      out.oneOf = object.oneOf;
    }
    for (const key of ['description', 'title', 'examples']) if (object[key] !== undefined && part === own) out[key] = object[key];
  }
  if (!out.description && schema.description) out.description = schema.description;
  out.required = [...new Set(out.required)];
  return out;
}

const isRequiredSet = (branch) => branch && Array.isArray(branch.required) && Object.keys(branch).every((k) => k === 'required' || k === 'title');

export function flattenForDocs(docs) {
  const schemas = docs.components?.schemas ?? {};
  // Merged from the schemas as bundled, before any of them is replaced.
  const original = structuredClone(schemas);
  for (const [name, schema] of Object.entries(original)) {
    const flat = merged(schema, original);
    if (!flat || !flat.oneOf?.every(isRequiredSet)) continue;
    const { oneOf, ...base } = flat;
    const { properties, required, ...about } = base;
    schemas[name] = {
      ...about,
      type: 'object',
      oneOf: oneOf.map((branch) => ({ type: 'object', title: branch.title, properties, required: [...new Set([...(required ?? []), ...branch.required])] })),
    };
  }
  return docs;
}
