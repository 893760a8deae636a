// Mutation testing of the one validator (`pnpm --filter @gigapay/openapi-validator mutation`): not
// part of `npm test`, it is slow. The report lands in reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.config.ts' },
  mutate: ['src/validator.ts'],
  coverageAnalysis: 'perTest',
  // Module-level constants would rerun every test per mutant; they are pinned by the tests anyway.
  ignoreStatic: true,
  // Two cores, shared: keep the machine usable.
  concurrency: 2,
  timeoutMS: 5000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
