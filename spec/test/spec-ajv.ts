// An Ajv 2020-12 validator over the bundled spec's components, for the spec's own tests.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const specDir = join(import.meta.dirname, '..');
export const spec = JSON.parse(readFileSync(join(specDir, 'dist/openapi.json'), 'utf8'));

export function createValidator() {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
  // strictRequired off: `anyOf: [{ required: [email] }, …]` names properties defined beside it.
  addFormats.default(ajv);
  // The components live under a non-schema key; declare it so strict mode knows it.
  ajv.addVocabulary(['components']);
  ajv.addSchema({ $id: 'openapi.json', components: { schemas: spec.components.schemas } });
  return ajv;
}

/** Rewrites local refs so that an inline schema of the spec resolves against `openapi.json`. */
export function anchored(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/'));
}

export const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export function* operations() {
  for (const [path, item] of Object.entries<any>(spec.paths)) {
    for (const method of METHODS) if (item[method]) yield { path, method, operation: item[method] };
  }
}

export function* webhookOperations() {
  for (const [event, item] of Object.entries<any>(spec.webhooks)) yield { event, operation: item.post };
}

/** Resolves a local `$ref` of the bundle, such as `#/components/examples/x`. */
export function deref<T = any>(node: any): T {
  if (!node?.$ref) return node;
  return deref(node.$ref.slice(2).split('/').reduce((at: any, key: string) => at[key], spec));
}
