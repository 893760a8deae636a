// ESM consumer: "type": "module", nodenext, strict, exactOptionalPropertyTypes, skipLibCheck off.
import * as gigapay from '@gigapay/client';
import * as webhooks from '@gigapay/client/webhooks';
import clientManifest from '@gigapay/client/package.json' with { type: 'json' };
import spec from '@gigapay/openapi/openapi.json' with { type: 'json' };
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runSession } from './session.js';

const target = JSON.parse(process.env['CONSUMER_TARGET'] ?? '{}');
// The spec package describes the API version the client says it was generated from.
if (spec.info.version !== clientManifest.gigapay.specVersion) {
  throw new Error(`step spec version: @gigapay/openapi describes ${spec.info.version}, @gigapay/client names ${clientManifest.gigapay.specVersion}`);
}
const yaml = readFileSync(createRequire(import.meta.url).resolve('@gigapay/openapi/openapi.yaml'), 'utf8');
if (!/^openapi: 3\.1/m.test(yaml)) throw new Error('step spec package: openapi.yaml is not an OpenAPI 3.1 document');
await runSession(gigapay, webhooks, target);
