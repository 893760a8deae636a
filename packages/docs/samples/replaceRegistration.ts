import type { GigapayClient } from '@gigapay/client';
import type { Fixtures } from './fixtures.js';

export default async function replaceRegistration(client: GigapayClient<true>, { registrationId }: Fixtures) {
  // PUT replaces the Registration: send every field to keep.
  const { data } = await client.PUT('/registrations/{id}/', {
    params: { path: { id: registrationId } },
    body: {
      registered_name: 'Nordlys ApS',
      friendly_name: 'Nordlys',
      tin_number: '12345678',
      country: 'DNK',
      address_line_1: 'Vesterbrogade 14',
      zip_code: '1620',
      city: 'København',
      email: 'hello@nordlys.dk',
      phone_number: '+4570123456',
      signatory_name: 'Freja Holm',
      signatory_email: 'freja@nordlys.dk',
      finance_email: 'finance@nordlys.dk',
      technical_email: 'dev@nordlys.dk',
      invoice_email: 'invoices@nordlys.dk',
    },
  });
  console.log('Now at', data.address_line_1);
}
