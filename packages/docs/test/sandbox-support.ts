// What the sample tests ask of a sandbox that is still gaining the 2.0 API: whether it has an
// operation of the spec yet (a sample of an operation it lacks is skipped, saying so, and runs once
// it has it). The sandbox routes every path of the spec, so a path is not enough: an operation is
// there when the sandbox's registry (packages/sandbox/src/resources/index.ts, the one list of its
// handlers) has a handler for its operationId.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOCS_DIR } from '../scripts/docs-spec.mjs';
import { operationsOf } from '../scripts/samples.mjs';

const REGISTRY = join(DOCS_DIR, '..', 'sandbox', 'src', 'resources', 'index.ts');

/** The operationIds the sandbox has a handler for. */
export async function sandboxOperations(): Promise<Set<string>> {
  const { handlers } = (await import(pathToFileURL(REGISTRY).href)) as { handlers: Record<string, unknown> };
  return new Set(Object.keys(handlers));
}

/** Whether the sandbox has the operation of a path and method: `has('/payruns/{id}/', 'get')`. */
export async function operationsOfSandbox(spec: any): Promise<(path: string, method: string) => boolean> {
  const handled = await sandboxOperations();
  const operationIds = new Map(operationsOf(spec).map(({ path, method, operationId }: { path: string; method: string; operationId: string }) => [`${method} ${path}`, operationId]));
  return (path, method) => handled.has(operationIds.get(`${method} ${path}`) ?? '');
}

/** What keeps the sandbox from running something that needs these operations (`'post /payouts/'`), if anything. */
export function lackingOf(has: (path: string, method: string) => boolean, operations: Iterable<string>): string | undefined {
  for (const operation of new Set(operations)) {
    const [method, path] = operation.split(' ') as [string, string];
    if (!has(path, method)) return `the sandbox has no ${method.toUpperCase()} ${path} yet`;
  }
  return undefined;
}

/** A Registration's body for fixtures: every field 2.0 requires. */
export const registrationBody = (name: string) => ({
  registered_name: `${name} ApS`,
  friendly_name: name,
  tin_number: '12345678',
  country: 'DNK',
  address_line_1: 'Gade 1',
  zip_code: '1620',
  city: 'København',
  email: `hello@${name.toLowerCase()}.example`,
  phone_number: '+4570123456',
  signatory_name: `Signe ${name}`,
  signatory_email: `signe@${name.toLowerCase()}.example`,
  finance_email: `finance@${name.toLowerCase()}.example`,
  technical_email: `dev@${name.toLowerCase()}.example`,
  invoice_email: `invoices@${name.toLowerCase()}.example`,
});
