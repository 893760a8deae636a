// The committed bundle, found by walking up from here: @gigapay/openapi's own tests use this
// package, so it cannot depend back on it, and Stryker runs these tests from a copy of the package
// one folder deeper (.stryker-tmp/sandbox-…/), where a fixed relative path would miss it.
import { existsSync, readFileSync } from 'node:fs';
import type { OpenApiDocument } from '../src/index.js';

function find(from: URL): URL {
  for (let dir = new URL('./', from); ; dir = new URL('../', dir)) {
    const candidate = new URL('spec/dist/openapi.json', dir);
    if (existsSync(candidate)) return candidate;
    if (dir.pathname === '/') throw new Error('spec/dist/openapi.json not found above the tests');
  }
}

export const bundledSpec = (): OpenApiDocument => JSON.parse(readFileSync(find(new URL(import.meta.url)), 'utf8')) as OpenApiDocument;
