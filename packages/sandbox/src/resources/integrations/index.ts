import { update } from '../../internal/state.js';
import type { SandboxCore } from '../../internal/core.js';
import { defineResource } from '../resource.js';
import { findOr404 } from '../table.js';
import { integrationHandlers } from './handlers.js';
import { INTEGRATIONS, integrationsOf } from './record.js';
import { serializeIntegration } from './serialize.js';

/** A control that sets whether integration `id` may issue invoices (`invoice_enabled`). */
const invoicing = <const Name extends string>(name: Name, enabled: boolean) => ({
  name,
  path: `integrations/{id}/invoicing/${enabled ? 'enable' : 'disable'}`,
  summary: `Sets \`invoice_enabled\` ${enabled ? 'on (the default)' : 'off: `POST /invoices/{id}/issue/` then answers 403'} for the integration.`,
  run: (core: SandboxCore, _integration: unknown, id: string) => {
    const integration = findOr404(integrationsOf(core), id);
    update(integration, { invoiceEnabled: enabled });
    return { ...serializeIntegration(integration), invoice_enabled: integration.invoiceEnabled };
  },
});

export const integrations = defineResource({
  name: 'integrations',
  handlers: integrationHandlers,
  tables: [INTEGRATIONS],
  controls: [invoicing('enableInvoicing', true), invoicing('disableInvoicing', false)],
});
