// Mutation testing of the sandbox's idempotency, listing, pricing and validation (spec-checks) modules
// (`pnpm --filter @gigapay/sandbox mutation`, or `npm run mutation` at the root): not part of
// `npm test`, it is slow. Narrow a run with `pnpm exec stryker run --mutate src/internal/pricing.ts`.
// The report lands in reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: ['src/internal/idempotency.ts', 'src/internal/listing.ts', 'src/internal/pricing.ts', 'src/internal/spec-checks.ts'],
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
