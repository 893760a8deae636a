import { scoped, type Handler } from '../context.js';
import { paymentTermOf } from './record.js';
import { serializePaymentTerm } from './serialize.js';

export const paymentTermHandlers: Record<string, Handler> = {
  retrievePaymentTerm(context) {
    return { status: 200, body: serializePaymentTerm(paymentTermOf(scoped(context))) };
  },
};
