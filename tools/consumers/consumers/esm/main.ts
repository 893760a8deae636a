// ESM consumer: "type": "module", nodenext, strict, exactOptionalPropertyTypes, skipLibCheck off.
import * as gigapay from '@gigapay/client';
import * as webhooks from '@gigapay/client/webhooks';
import clientManifest from '@gigapay/client/package.json' with { type: 'json' };
import spec from '@gigapay/openapi/openapi.json' with { type: 'json' };
import { runSession } from './session.js';

const target = JSON.parse(process.env['CONSUMER_TARGET'] ?? '{}');
// The spec package describes the API version the client says it was generated from.
if (spec.info.version !== clientManifest.gigapay.specVersion) {
  throw new Error(`step spec version: @gigapay/openapi describes ${spec.info.version}, @gigapay/client names ${clientManifest.gigapay.specVersion}`);
}
await runSession(gigapay, webhooks, target);
