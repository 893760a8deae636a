import type { GigapayClient } from '@gigapay/client';

export default async function createIntegration(client: GigapayClient<true>) {
  const { data } = await client.POST('/integrations/', {
    body: {
      name: 'Zerebra AB',
      email: 'faktura@zerebra.com',
      recipient: 'Zerebra AB',
      address_line_1: 'Sveavägen 1',
      zip_code: '11129',
      city: 'Stockholm',
    },
  });
  // Send data.id as Integration-ID to act as this Integration.
  console.log('Created Integration', data.id);
}
