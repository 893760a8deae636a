import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function retrievePayrun(client: GigapayClient<true>, { payrunId }: Fixtures) {
  const { data } = await client.GET('/payruns/{id}/', {
    params: { path: { id: payrunId } },
  });
  // latest_status may be a value added after this release:
  // handle the ones you know, log the others.
  console.log(data.price, data.currency, data.latest_status);
}
