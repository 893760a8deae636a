// 2.0: the company registers; once Gigapay approves it, its integration exists, with the id
// `integration_id`. On the demo server you approve it yourself.
import { createGigapayClient } from '@gigapay/client';

const token = process.env['GIGAPAY_TOKEN']!;
// Registrations belong to your user, not to an integration: the client never sends Integration-ID.
const gigapay = createGigapayClient({ token, server: 'demo', throwOnError: true });

const { data: registration } = await gigapay.POST('/registrations/', {
  body: {
    registered_name: 'Acme Deliveries ApS',
    friendly_name: 'Acme Deliveries',
    tin_number: '12345678',
    country: 'DNK',
    address_line_1: 'Vesterbrogade 1',
    zip_code: '1620',
    city: 'København',
    email: 'hello@acme.example',
    phone_number: '+4570123456',
    signatory_name: 'Mette Hansen',
    signatory_email: 'mette@acme.example',
    finance_email: 'billing@acme.example',
    technical_email: 'dev@acme.example',
    invoice_email: 'invoices@acme.example',
  },
});

// Demo only: in production Gigapay reviews the registration, and `Registration.verified` tells you.
const { data: approved } = await gigapay.POST('/registrations/{id}/approve/', { params: { path: { id: registration.id } } });

export const acme = createGigapayClient({ token, integrationId: approved.integration_id, server: 'demo', throwOnError: true });
