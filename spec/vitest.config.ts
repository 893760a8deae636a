import { defineConfig } from 'vitest/config';

// Bundling runs inside a test (the staleness check): give it room on a busy machine.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 30_000 } });
