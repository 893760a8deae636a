import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function replaceIntegration(client: GigapayClient<true>, { integrationId }: Fixtures) {
  // PUT replaces the Integration: send every field to keep.
  const { data } = await client.PUT('/integrations/{id}/', {
    params: { path: { id: integrationId } },
    body: {
      name: 'Zerebra AB',
      email: 'invoices@zerebra.com',
      recipient: 'Zerebra AB, Accounts payable',
      address_line_1: 'Sveavägen 1',
      zip_code: '11129',
      city: 'Stockholm',
    },
  });
  console.log('Invoices to', data.recipient);
}
