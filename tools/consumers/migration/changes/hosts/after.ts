// 2.0: 'demo' is https://api.demo.gigapay.com/v2/ and 'production' https://api.gigapay.com/v2/.
import { createGigapayClient } from '@gigapay/client';

export const gigapay = createGigapayClient({
  token: process.env['GIGAPAY_TOKEN']!,
  integrationId: process.env['GIGAPAY_INTEGRATION_ID'],
  server: 'demo',
});
