// The example pair's after side: the same client, made against the current version. (Valid on both
// sides today; it shows the shape, and that each side is compiled against its own version.)
import { createGigapayClient } from '@gigapay/client';

export const gigapay = createGigapayClient({ token: process.env['GIGAPAY_TOKEN'] ?? '', integrationId: process.env['GIGAPAY_INTEGRATION_ID'] ?? '' });
