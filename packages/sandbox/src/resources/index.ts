import type { Handler } from './context.js';
import { employeeHandlers } from './employees.js';
import { integrationHandlers } from './integrations.js';
import { invoiceHandlers } from './invoices.js';
import { payoutHandlers } from './payouts.js';
import { pricingHandlers } from './pricing.js';
import { rootHandlers } from './root.js';
import { webhookHandlers } from './webhooks.js';

/** Every operation's handler, by operationId. */
export const handlers: Readonly<Record<string, Handler>> = {
  ...rootHandlers,
  ...integrationHandlers,
  ...employeeHandlers,
  ...payoutHandlers,
  ...pricingHandlers,
  ...invoiceHandlers,
  ...webhookHandlers,
};
