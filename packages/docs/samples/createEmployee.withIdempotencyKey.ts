import type { GigapayClient } from '@gigapay/client';

export default async function createEmployee(client: GigapayClient<true>) {
  // The client sends an Idempotency-Key with each POST
  // (the same one on a retry): it cannot register twice.
  const { data: employee } = await client.POST('/employees/', {
    body: {
      name: 'Albin Lindskog',
      email: 'albin@mail.com',
      cellphone_number: '+4670000001',
      country: 'SWE',
    },
  });
  console.log('Registered', employee.name, 'as', employee.id);
}
