import type { ListeningSandbox } from '@gigapay/sandbox';
import { api } from './sandbox-api.js';

/**
 * Resets the sandbox and creates what the docs' curl samples refer to, so that each sample runs
 * on its own as the docs show it: employees 1847 and 1736 (the payout examples), 12 (the
 * `employee=12` filter) and two more, so that `page_size=2&page=2` has a second page, one of them
 * named Skoog (the `search=skoog` samples); and payout 9472 of employee 1847, except for the
 * samples that create it.
 */
export async function seedForCurlSample(sandbox: ListeningSandbox, sample: { method: string; url: string }): Promise<void> {
  sandbox.control.reset();
  const employees = [
    { id: '1847', name: 'Albin Lindskog', email: 'albin@mail.com', country: 'SWE' },
    { id: '1736', name: 'Greta Ek', email: 'greta@mail.com', country: 'SWE' },
    { id: '12', name: 'Anna Skoog', email: 'anna.skoog@mail.com', country: 'SWE' },
    { id: '13', name: 'Karl Berg', email: 'karl@mail.com', country: 'SWE' },
    { id: '14', name: 'Eva Dahl', email: 'eva@mail.com', country: 'SWE' },
  ];
  for (const employee of employees) await api(sandbox, 'POST', 'employees/', employee);
  await api(sandbox, 'POST', 'payouts/', { id: 'skoog-1', employee: '12', amount: '120.00', currency: 'SEK', description: 'Skoog photo shoot' });
  const createsPayouts = sample.method === 'POST' && new URL(sample.url).pathname.endsWith('/payouts/');
  if (!createsPayouts) await api(sandbox, 'POST', 'payouts/', { id: '9472', employee: '1847', invoiced_amount: '1000.00', currency: 'SEK', description: 'Instagram samarbete 2021-11-13.' });
}
