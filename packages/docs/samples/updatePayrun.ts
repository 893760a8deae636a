import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function updatePayrun(client: GigapayClient<true>, { payrunId }: Fixtures) {
  // Only id and metadata can change; Gigapay manages the rest.
  const { data } = await client.PATCH('/payruns/{id}/', {
    params: { path: { id: payrunId } },
    body: { metadata: { period: '2024-03' } },
  });
  console.log(data.id, data.metadata);
}
