import { defineResource } from '../resource.js';
import { messageHandlers } from './handlers.js';
import { MESSAGES } from './record.js';

export const messages = defineResource({ name: 'messages', handlers: messageHandlers, tables: [MESSAGES] });
