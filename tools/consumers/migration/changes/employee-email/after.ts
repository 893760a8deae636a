// 2.0: `email` is required on create and on replace; the cellphone number is optional.
import { createGigapayClient } from '@gigapay/client';

const gigapay = createGigapayClient({ token: process.env['GIGAPAY_TOKEN']!, integrationId: process.env['GIGAPAY_INTEGRATION_ID'], throwOnError: true });

const { data: employee } = await gigapay.POST('/employees/', {
  body: { name: 'Albin Lindskog', email: 'albin@example.com', cellphone_number: '+46703000000', country: 'SWE' },
});

await gigapay.PUT('/employees/{id}/', {
  params: { path: { id: employee.id } },
  body: { name: 'Albin Lindskog', email: 'albin@example.com', cellphone_number: '+46703000001', country: 'SWE' },
});
