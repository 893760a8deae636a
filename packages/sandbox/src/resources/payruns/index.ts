import type { SandboxCore } from '../../internal/core.js';
import type { IntegrationRecord } from '../integrations/record.js';
import { defineResource } from '../resource.js';
import { findOr404 } from '../table.js';
import { payrunHandlers } from './handlers.js';
import { payPayrun } from './lifecycle.js';
import { PAYRUNS } from './record.js';
import { serializePayrun } from './serialize.js';

export const payruns = defineResource({
  name: 'payruns',
  handlers: payrunHandlers,
  tables: [PAYRUNS],
  controls: [
    {
      name: 'payPayrun',
      path: 'payruns/{id}/pay',
      summary: 'Pays a payrun (closing it first when open): its invoice gets `paid_at`, the payrun emits `Payrun.paid`, then its payouts are notified (`Payout.notified`).',
      run: (core: SandboxCore, integration: IntegrationRecord, id: string) => serializePayrun(payPayrun(core, integration, findOr404(integration.data.get(PAYRUNS), id))),
    },
  ],
});
