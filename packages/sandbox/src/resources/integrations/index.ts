import { defineResource } from '../resource.js';
import { integrationHandlers } from './handlers.js';
import { INTEGRATIONS } from './record.js';

export const integrations = defineResource({ name: 'integrations', handlers: integrationHandlers, tables: [INTEGRATIONS] });
