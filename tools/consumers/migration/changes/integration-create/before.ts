// 1.x: an integration (a company you pay on behalf of) was created with POST /integrations/.
import { createGigapayClient } from '@gigapay/client';

const token = process.env['GIGAPAY_TOKEN']!;
const gigapay = createGigapayClient({ token, server: 'demo', throwOnError: true });

const { data: integration } = await gigapay.POST('/integrations/', {
  body: {
    name: 'Acme Deliveries',
    email: 'billing@acme.example',
    recipient: 'Acme Deliveries ApS',
    address_line_1: 'Vesterbrogade 1',
    zip_code: '1620',
    city: 'København',
  },
});

export const acme = createGigapayClient({ token, integrationId: integration.id, server: 'demo', throwOnError: true });
