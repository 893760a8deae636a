import type { SandboxCore } from '../../internal/core.js';
import type { IntegrationRecord } from '../integrations/record.js';
import { settlePayrun } from '../payruns/lifecycle.js';
import { defineResource } from '../resource.js';
import { findOr404 } from '../table.js';
import { invoiceHandlers } from './handlers.js';
import { markPaid } from './lifecycle.js';
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
      summary: "Pays a billing invoice (`paid_at`, `amount_paid`); a payrun's invoice pays its payrun: `Payrun.paid`, then its payouts are notified (`Payout.notified`).",
      run: (core: SandboxCore, integration: IntegrationRecord, id: string) => {
        const invoice = markPaid(core, findOr404(integration.data.get(INVOICES), id));
        if (invoice.payrun) settlePayrun(core, integration, invoice.payrun);
        return serializeInvoice(invoice);
      },
    },
  ],
});
