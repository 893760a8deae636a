import type { SandboxCore } from '../../internal/core.js';
import type { IntegrationRecord } from '../integrations/record.js';
import { defineResource, type Json } from '../resource.js';
import { findOr404 } from '../table.js';
import { prepaymentHandlers } from './handlers.js';
import { invoicePrepayment, payPrepayment, usePrepayment } from './lifecycle.js';
import { PREPAYMENTS } from './record.js';
import { serializePrepayment } from './serialize.js';

const lookup = (integration: IntegrationRecord, id: string) => findOr404(integration.data.get(PREPAYMENTS), id);

export const prepayments = defineResource({
  name: 'prepayments',
  handlers: prepaymentHandlers,
  tables: [PREPAYMENTS],
  controls: [
    {
      name: 'invoicePrepayment',
      path: 'prepayments/{id}/invoice',
      summary: 'DRAFT → INVOICED: issues its invoice (`issued_at`, `due_date`), which sets `invoiced_at`; from then on it can no longer be changed or deleted.',
      run: (core: SandboxCore, integration: IntegrationRecord, id: string) => serializePrepayment(invoicePrepayment(core, integration, lookup(integration, id))),
    },
    {
      name: 'payPrepayment',
      path: 'prepayments/{id}/pay',
      summary: 'INVOICED → PAID: pays its invoice, which sets `paid_at`; `available_balance` becomes the net amount.',
      run: (core: SandboxCore, integration: IntegrationRecord, id: string) => serializePrepayment(payPrepayment(core, lookup(integration, id))),
    },
    {
      name: 'usePrepayment',
      path: 'prepayments/{id}/use',
      inputs: ['amount'],
      summary: 'Draws `amount` (the whole balance when absent) from a paid prepayment, as a payrun would: PARTIALLY_USED, then FULLY_USED.',
      run: (_core: SandboxCore, integration: IntegrationRecord, id: string, input: Json) => serializePrepayment(usePrepayment(lookup(integration, id), input.amount)),
    },
  ],
});
