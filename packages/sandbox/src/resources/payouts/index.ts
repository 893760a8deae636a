import type { SandboxCore } from '../../internal/core.js';
import type { IntegrationRecord } from '../integrations/record.js';
import { defineResource } from '../resource.js';
import { findOr404 } from '../table.js';
import { payoutHandlers } from './handlers.js';
import { acceptPayout, cancelPayout } from './lifecycle.js';
import { PAYOUTS, type PayoutRecord } from './record.js';
import { serializePayout } from './serialize.js';

const step = <const Name extends string>(name: Name, action: string, summary: string, take: (core: SandboxCore, integration: IntegrationRecord, payout: PayoutRecord) => PayoutRecord) => ({
  name,
  path: `payouts/{id}/${action}`,
  summary,
  run: (core: SandboxCore, integration: IntegrationRecord, id: string) =>
    serializePayout(take(core, integration, findOr404(integration.data.get(PAYOUTS), id)), core.clock.peekMicros()),
});

export const payouts = defineResource({
  name: 'payouts',
  handlers: payoutHandlers,
  tables: [PAYOUTS],
  controls: [
    step('acceptPayout', 'accept', "Sets `accepted_at` and emits `Payout.accepted`; the payout's payrun must be paid first (else `409`).", acceptPayout),
    step('cancelPayout', 'cancel', 'Sets `canceled_at` and emits `Payout.canceled` (Gigapay cancels it; the API has no cancel operation); refused once accepted or canceled (`409`).', cancelPayout),
  ],
});
