// The example pair of the harness (a change every guide entry is shaped like): a client made the
// 1.x way. A breaking change of the migration guide is a folder like this one, changes/<change>/,
// whose before.ts compiles against @gigapay/client 1.0.0 and after.ts against the current version.
import { createGigapayClient } from '@gigapay/client';

export const gigapay = createGigapayClient({ token: process.env['GIGAPAY_TOKEN'] ?? '', integrationId: process.env['GIGAPAY_INTEGRATION_ID'] ?? '' });
