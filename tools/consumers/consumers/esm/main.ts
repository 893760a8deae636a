// ESM consumer: "type": "module", nodenext, strict, exactOptionalPropertyTypes, skipLibCheck off.
import * as gigapay from '@gigapay/client';
import * as webhooks from '@gigapay/client/webhooks';
import spec from '@gigapay/openapi/openapi.json' with { type: 'json' };
import { runSession } from './session.js';

const target = JSON.parse(process.env['CONSUMER_TARGET'] ?? '{}');
if (spec.info.version !== '2.0.0') throw new Error(`step spec package: @gigapay/openapi is ${spec.info.version}`);
await runSession(gigapay, webhooks, target);
