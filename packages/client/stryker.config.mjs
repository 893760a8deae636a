// Mutation testing of the client's core (`pnpm --filter @gigapay/client mutation`, or
// `npm run mutation` at the root): not part of `npm test`, it is slow. Narrow a run with
// `pnpm exec stryker run --mutate src/errors.ts`. The report lands in reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: ['src/internal/**/*.ts', 'src/errors.ts', 'src/webhooks.ts'],
  coverageAnalysis: 'perTest',
  // Two cores, shared: keep the machine usable.
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
