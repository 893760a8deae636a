import type { GigapayClient } from '@gigapay/client';

export default async function createEmployee(client: GigapayClient<true>) {
  // Your own id (your user's): no mapping table needed,
  // and a second POST with it is refused (400).
  const { data: employee } = await client.POST('/employees/', {
    body: {
      id: '19472',
      name: 'Albin Lindskog',
      email: 'albin@mail.com',
      cellphone_number: '+4670000001',
      country: 'SWE',
    },
  });
  console.log('Registered as', employee.id);
}
