// 1.x: the servers were on gigapay.se, and so was a base URL written out in full.
import { createGigapayClient } from '@gigapay/client';

export const gigapay = createGigapayClient({
  token: process.env['GIGAPAY_TOKEN']!,
  integrationId: process.env['GIGAPAY_INTEGRATION_ID'],
  server: 'https://api.demo.gigapay.se/v2/',
});
