import { defineResource } from '../resource.js';
import { webhookHandlers } from './handlers.js';
import { USER_WEBHOOKS, WEBHOOKS } from './record.js';

export const webhooks = defineResource({ name: 'webhooks', handlers: webhookHandlers, tables: [WEBHOOKS, USER_WEBHOOKS] });
