import type { GigapayClient } from '@gigapay/client';

export default async function createRegistration(client: GigapayClient<true>) {
  // A company signs up; Gigapay reviews it (needs_review)
  // and creates its Integration once it is approved.
  const { data } = await client.POST('/registrations/', {
    body: {
      registered_name: 'Nordlys ApS',
      friendly_name: 'Nordlys',
      tin_number: '12345678',
      country: 'DNK',
      address_line_1: 'Vesterbrogade 12',
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
  console.log(data.id, data.needs_review);
}
