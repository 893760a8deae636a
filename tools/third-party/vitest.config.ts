import { defineConfig } from 'vitest/config';

// The tools under test start slowly on a busy machine (Spectral ~5 s a run, Prism ~2 s, newman).
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 90_000, hookTimeout: 90_000 } });
