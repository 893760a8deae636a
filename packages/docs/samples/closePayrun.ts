import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function closePayrun(client: GigapayClient<true>, { payrunId }: Fixtures) {
  // No more Payouts join it; the next ones open a new Payrun.
  await client.POST('/payruns/{id}/close/', {
    params: { path: { id: payrunId } },
  });
}
