import type { GigapayClient } from '@gigapay/client';

export default async function createEmployee(client: GigapayClient<true>) {
  // The client keys each POST: retrying cannot register twice.
  const { data: employee } = await client.POST('/employees/', {
    body: {
      name: 'Albin Lindskog',
      cellphone_number: '+46700000001',
      country: 'SWE',
      metadata: { user_id: 1847 },
    },
  });
  console.log('Registered', employee.name, 'as', employee.id);
}
