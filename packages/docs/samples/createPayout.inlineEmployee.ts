import type { GigapayClient } from '@gigapay/client';

export default async function createPayout(client: GigapayClient<true>) {
  // An Employee to register, in the same request; one
  // already registered with this data is reused.
  // expand=employee is required with an inline Employee.
  const { data: payout } = await client.POST('/payouts/', {
    params: { query: { expand: ['employee'] } },
    body: {
      employee: {
        id: '1847',
        name: 'Albin Lindskog',
        email: 'albin@mail.com',
        cellphone_number: '+4670000001',
        country: 'SWE',
      },
      invoiced_amount: '1000.00',
      currency: 'SEK',
      description: 'Instagram samarbete 2021-11-13.',
    },
  });
  console.log('Payout', payout.id, 'to', payout.employee.name);
}
