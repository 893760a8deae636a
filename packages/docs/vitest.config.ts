import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The browser test starts Chromium and the samples test runs tsc: both take seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
