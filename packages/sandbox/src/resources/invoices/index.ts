import type { SandboxCore } from '../../internal/core.js';
import type { IntegrationRecord } from '../integrations/record.js';
import { defineResource } from '../resource.js';
import { findOr404 } from '../table.js';
import { invoiceHandlers } from './handlers.js';
import { payInvoice } from './lifecycle.js';
import { INVOICES } from './record.js';
import { serializeInvoice } from './serialize.js';

export const invoices = defineResource({
  name: 'invoices',
  handlers: invoiceHandlers,
  tables: [INVOICES],
  controls: [
    {
      name: 'payInvoice',
      path: 'invoices/{id}/pay',
      summary: 'Pays an invoice: sets `paid_at`, closes it, emits `Invoice.paid`, then notifies its payouts (`Payout.notified`).',
      run: (core: SandboxCore, integration: IntegrationRecord, id: string) => serializeInvoice(payInvoice(core, integration, findOr404(integration.data.get(INVOICES), id))),
    },
  ],
});
