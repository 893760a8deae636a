import type { SandboxCore } from '../../internal/core.js';
import type { IntegrationRecord } from '../integrations/record.js';
import { defineResource } from '../resource.js';
import { findOr404 } from '../table.js';
import { payoutHandlers } from './handlers.js';
import { acceptPayout } from './lifecycle.js';
import { PAYOUTS } from './record.js';
import { serializePayout } from './serialize.js';

export const payouts = defineResource({
  name: 'payouts',
  handlers: payoutHandlers,
  tables: [PAYOUTS],
  controls: [
    {
      name: 'acceptPayout',
      path: 'payouts/{id}/accept',
      summary: "Sets `accepted_at` and emits `Payout.accepted`; the payout's payrun must be paid first.",
      run: (core: SandboxCore, integration: IntegrationRecord, id: string) => serializePayout(acceptPayout(core, integration, findOr404(integration.data.get(PAYOUTS), id))),
    },
  ],
});
