import { defineResource } from '../resource.js';
import { rootHandlers } from './handlers.js';

export const root = defineResource({ name: 'root', handlers: rootHandlers });
