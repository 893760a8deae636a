// 2.0: PATCH is the documented method; PUT still answers but is deprecated.
import { createGigapayClient } from '@gigapay/client';

const gigapay = createGigapayClient({ token: process.env['GIGAPAY_TOKEN']!, integrationId: process.env['GIGAPAY_INTEGRATION_ID'], throwOnError: true });

await gigapay.PATCH('/payouts/{id}/resend/', { params: { path: { id: 'delivery-4711' } } });
