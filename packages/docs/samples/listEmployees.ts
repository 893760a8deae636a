import type { GigapayClient } from '@gigapay/client';

export default async function listEmployees(client: GigapayClient<true>) {
  // search matches name, email and cellphone number.
  const { data } = await client.GET('/employees/', {
    params: { query: { search: 'Lindskog', page_size: 50 } },
  });
  console.log(data.count, 'matching Employees');
  for (const employee of data.results) {
    console.log(employee.name, employee.verified_at);
  }
}
