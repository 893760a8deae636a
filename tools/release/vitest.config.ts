import { defineConfig } from 'vitest/config';

// The changeset and API Extractor runs spawn processes that take seconds each.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 60_000 } });
