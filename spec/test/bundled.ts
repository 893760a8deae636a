// A bundled spec and the one validator over it (@gigapay/openapi-validator), for the spec's own
// tests: this package's bundle (spec/dist), or a frozen release's (releases/<version>/).
import { METHODS, OpenApiValidator, type Schema } from '@gigapay/openapi-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const specDir = join(import.meta.dirname, '..');

/** The helpers over the bundled spec in `file`. */
export function bundledSpec(file: string) {
  const validator = new OpenApiValidator(JSON.parse(readFileSync(file, 'utf8')));
  /** The bundle as the validator holds it (local `$ref`s made absolute): iterate this, so its schemas compile. */
  const spec: any = validator.document;

  function* operations() {
    for (const [path, item] of Object.entries<any>(spec.paths)) {
      for (const method of METHODS) if (item[method]) yield { path, method, operation: item[method] };
    }
  }

  function* webhookOperations() {
    for (const [event, item] of Object.entries<any>(spec.webhooks)) yield { event, operation: item.post };
  }

  /** Resolves a `$ref` of the bundle, such as `#/components/examples/x`. */
  const deref = <T = any>(node: any): T => validator.resolve<T>(node);

  /** A component schema by name. */
  const component = (name: string): Schema => spec.components.schemas[name];

  /** Whether a value satisfies a schema of the bundle, with the reasons when it does not. */
  function check(schema: Schema, value: unknown): { valid: boolean; problems: string } {
    const problems = validator.problems(schema, value, 'value');
    return { valid: problems.length === 0, problems: JSON.stringify(problems) };
  }

  // Every JSON example of the spec with the schema it must satisfy.
  function* examplesWithSchemas(): Generator<{ where: string; name: string; value: unknown; schema: Schema }> {
    const fromContent = function* (where: string, content: any) {
      const media = content?.['application/json'];
      for (const [name, example] of Object.entries<any>(media?.examples ?? {})) {
        yield { where, name: example.$ref?.split('/').pop() ?? name, value: deref(example).value, schema: media.schema };
      }
    };
    for (const { path, method, operation } of operations()) {
      yield* fromContent(`${method} ${path} request`, deref(operation.requestBody)?.content);
      for (const [status, response] of Object.entries(operation.responses)) {
        yield* fromContent(`${method} ${path} ${status}`, deref(response).content);
      }
    }
    for (const { event, operation } of webhookOperations()) yield* fromContent(`webhook ${event}`, operation.requestBody.content);
    yield* fromContent('components.responses.MethodNotAllowed', spec.components.responses.MethodNotAllowed.content);
  }

  return { validator, spec, operations, webhookOperations, deref, component, check, examplesWithSchemas };
}

export const { validator, spec, operations, webhookOperations, deref, component, check, examplesWithSchemas } = bundledSpec(join(specDir, 'dist/openapi.json'));
