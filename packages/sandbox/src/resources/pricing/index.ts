import { defineResource } from '../resource.js';
import { pricingHandlers } from './handlers.js';

/** Pricing calculates and stores nothing: a payout's prices live on the payout. */
export const pricing = defineResource({ name: 'pricing', handlers: pricingHandlers });
