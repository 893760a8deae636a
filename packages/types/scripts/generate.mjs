#!/usr/bin/env node
// Generates src/generated/openapi.d.ts (openapi-typescript) and src/generated/operation-map.d.ts from
// the bundled spec. Committed so that API changes show in review; with CI set (or --check) a stale
// file is an error.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateOperationMap, generateTypes, GENERATED_FILE, OPERATION_MAP_FILE } from './generate-lib.mjs';

const check = process.argv.includes('--check') || Boolean(process.env.CI);
const outputs = [
  [GENERATED_FILE, await generateTypes()],
  [OPERATION_MAP_FILE, generateOperationMap()],
];
for (const [file, content] of outputs) {
  let current = null;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing: stale
  }
  if (current !== content) {
    if (check) {
      console.error(`Stale types: ${file} no longer matches spec/dist/openapi.json. Run \`npm start\` and commit it.`);
      process.exit(1);
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    console.log(`wrote ${file}`);
  } else {
    console.log(`${file}: up to date`);
  }
}
