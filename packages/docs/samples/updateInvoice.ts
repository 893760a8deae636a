import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function updateInvoice(client: GigapayClient<true>, { invoiceId }: Fixtures) {
  // Only id and metadata can change; Gigapay manages the rest.
  const { data } = await client.PATCH('/invoices/{id}/', {
    params: { path: { id: invoiceId } },
    body: { metadata: { original_id: '2859272' } },
  });
  console.log(data.id, data.metadata);
}
