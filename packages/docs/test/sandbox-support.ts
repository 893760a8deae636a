// What the sample tests ask of a sandbox that is still gaining the 2.0 API: whether it routes a
// path of the spec yet (a sample of a path it lacks is skipped, saying so, and runs once it has it),
// and its control steps by name, the 2.0 name first (payPayrun, then the 1.x payInvoice).
import type { ListeningSandbox } from '@gigapay/sandbox';
import { HTTP_METHODS } from '../scripts/samples.mjs';

/**
 * Whether the sandbox routes a path of the spec: asked with a method the path does not have, a
 * sandbox that knows the path answers 405, one that does not 404. Asked once per path.
 */
export function routesOf(sandbox: () => ListeningSandbox, spec: { paths: Record<string, object> }) {
  const asked = new Map<string, Promise<boolean>>();
  return (path: string): Promise<boolean> => {
    if (!asked.has(path)) {
      const methods = Object.keys(spec.paths[path] ?? {});
      const absent = HTTP_METHODS.find((method: string) => !methods.includes(method))!.toUpperCase();
      const { url, token, integrationId } = sandbox();
      const headers = { Authorization: `Token ${token}`, 'Integration-ID': integrationId };
      asked.set(path, fetch(url + path.slice(1).replace('{id}', 'probe'), { method: absent, headers }).then((response) => response.status !== 404));
    }
    return asked.get(path)!;
  };
}

/** What keeps the sandbox from running something that needs these paths, if anything. */
export async function lackingOf(routes: (path: string) => Promise<boolean>, paths: Iterable<string>): Promise<string | undefined> {
  for (const path of new Set(paths)) if (!(await routes(path))) return `the sandbox does not route ${path} yet`;
  return undefined;
}

/** A step of `sandbox.control` by the first of its names the sandbox has. */
export function controlStep(sandbox: ListeningSandbox, ...names: string[]): ((id: string) => unknown) | undefined {
  const control = sandbox.control as unknown as Record<string, unknown>;
  const name = names.find((candidate) => typeof control[candidate] === 'function');
  return name ? (id: string) => (control[name] as (id: string) => unknown).call(control, id) : undefined;
}

/** Pays the Payrun with this id (the 1.x sandbox calls it the Invoice); undefined when the sandbox has no such step. */
export const payPayrun = (sandbox: ListeningSandbox) => controlStep(sandbox, 'payPayrun', 'payInvoice');

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
