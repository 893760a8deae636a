#!/usr/bin/env node
// Bundles the split spec into spec/dist/openapi.{json,yaml}, the one file every package consumes.
// The bundle is committed so API changes show in review. With CI set, or with --check, a stale
// bundle is an error instead of being rewritten, so that CI catches a spec edit without its bundle.
import { bundleSpec, BUNDLE_FILES } from './bundle-lib.mjs';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const check = process.argv.includes('--check') || Boolean(process.env.CI);
const outputs = await bundleSpec();
const stale = [];
for (const [file, content] of Object.entries(outputs)) {
  let current = null;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing: stale
  }
  if (current === content) continue;
  if (check) {
    stale.push(file);
    continue;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  console.log(`wrote ${file}`);
}
if (stale.length) {
  console.error(`Stale bundle: ${stale.join(', ')} no longer match spec/. Run \`npm start\` (or \`pnpm --filter @gigapay/openapi bundle\`) and commit the result.`);
  process.exit(1);
}
console.log(`bundle up to date: ${BUNDLE_FILES.join(', ')}`);
