import type { GigapayClient } from '@gigapay/client';

export default async function createEmployee(client: GigapayClient<true>) {
  // metadata: your own JSON, returned on every read.
  const { data: employee } = await client.POST('/employees/', {
    body: {
      name: 'Albin Lindskog',
      email: 'albin@mail.com',
      cellphone_number: '+4670000001',
      country: 'SWE',
      metadata: { user_id: 1847 },
    },
  });
  console.log(employee.id, employee.metadata);
}
