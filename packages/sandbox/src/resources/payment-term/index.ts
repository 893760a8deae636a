import { defineResource } from '../resource.js';
import { paymentTermHandlers } from './handlers.js';

export { paymentTermOf, type PaymentTerm } from './record.js';

export const paymentTerm = defineResource({ name: 'payment-term', handlers: paymentTermHandlers });
