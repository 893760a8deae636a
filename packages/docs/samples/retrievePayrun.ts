import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function retrievePayrun(client: GigapayClient<true>, { payrunId }: Fixtures) {
  const { data: payrun } = await client.GET('/payruns/{id}/', {
    params: { path: { id: payrunId } },
  });
  // latest_status may be a value added after this release:
  // handle the ones you know, log the others.
  console.log(payrun.price, payrun.currency, payrun.latest_status);
}
