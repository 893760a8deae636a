import { defineResource } from '../resource.js';
import { webhookHandlers } from './handlers.js';
import { WEBHOOKS } from './record.js';

export const webhooks = defineResource({ name: 'webhooks', handlers: webhookHandlers, tables: [WEBHOOKS] });
