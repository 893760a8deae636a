#!/usr/bin/env node
// `npm start`'s last word on the docs: where the built site is, even when turbo replayed the build
// from its cache and printed nothing.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_DIR } from './docs-spec.mjs';

const index = join(DIST_DIR, 'index.html');
if (!existsSync(index)) {
  console.error('The docs are not built: run `pnpm --filter @gigapay/docs build`.');
  process.exit(1);
}
console.log(`API docs: ${index} (${(statSync(index).size / 1024 / 1024).toFixed(2)} MB, works offline)`);
console.log('Serve them on http://127.0.0.1:8080/ with: npm run docs [-- port]');
