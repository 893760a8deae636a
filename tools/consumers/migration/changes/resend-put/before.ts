// 1.x samples resent a payout's notification with PUT.
import { createGigapayClient } from '@gigapay/client';

const gigapay = createGigapayClient({ token: process.env['GIGAPAY_TOKEN']!, integrationId: process.env['GIGAPAY_INTEGRATION_ID'], throwOnError: true });

await gigapay.PUT('/payouts/{id}/resend/', { params: { path: { id: 'delivery-4711' } } });
