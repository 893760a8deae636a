// 1.x: an employee needed an email or a cellphone number, on create and on replace.
import { createGigapayClient } from '@gigapay/client';

const gigapay = createGigapayClient({ token: process.env['GIGAPAY_TOKEN']!, integrationId: process.env['GIGAPAY_INTEGRATION_ID'], throwOnError: true });

const { data: employee } = await gigapay.POST('/employees/', {
  body: { name: 'Albin Lindskog', cellphone_number: '+46703000000', country: 'SWE' },
});

await gigapay.PUT('/employees/{id}/', {
  params: { path: { id: employee.id } },
  body: { name: 'Albin Lindskog', cellphone_number: '+46703000001', country: 'SWE' },
});
