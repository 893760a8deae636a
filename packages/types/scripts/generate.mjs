#!/usr/bin/env node
// Generates src/generated/openapi.d.ts from the bundled spec with openapi-typescript.
// Committed so that API changes show in review; with CI set (or --check) a stale file is an error.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateTypes, GENERATED_FILE } from './generate-lib.mjs';

const check = process.argv.includes('--check') || Boolean(process.env.CI);
const content = await generateTypes();
let current = null;
try {
  current = readFileSync(GENERATED_FILE, 'utf8');
} catch {
  // missing: stale
}
if (current !== content) {
  if (check) {
    console.error(`Stale types: ${GENERATED_FILE} no longer matches spec/dist/openapi.json. Run \`npm start\` and commit it.`);
    process.exit(1);
  }
  mkdirSync(dirname(GENERATED_FILE), { recursive: true });
  writeFileSync(GENERATED_FILE, content);
  console.log(`wrote ${GENERATED_FILE}`);
} else {
  console.log('types up to date');
}
