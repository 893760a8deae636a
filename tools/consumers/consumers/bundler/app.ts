// What a browser app or an edge function bundles: the client and its webhooks entry, no Node built-ins.
import * as gigapay from '@gigapay/client';
import * as webhooks from '@gigapay/client/webhooks';
import { runSession, type SessionTarget } from './session.js';

export const run = (target: SessionTarget): Promise<void> => runSession(gigapay, webhooks, target);
