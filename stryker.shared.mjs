// The Stryker options the packages share (`npm run mutation` at the root runs each package's own
// stryker.config.mjs): a vitest run per mutant, the reports in reports/mutation/, and the same
// thresholds everywhere (issue 10: at least 85 % killed).
/** @returns {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export function strykerOptions({ vitestConfig, mutate, ...overrides }) {
  return {
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    vitest: { configFile: vitestConfig },
    mutate,
    coverageAnalysis: 'perTest',
    // Two cores, shared: keep the machine usable.
    concurrency: 2,
    timeoutMS: 5000,
    reporters: ['clear-text', 'progress', 'json', 'html'],
    jsonReporter: { fileName: 'reports/mutation/mutation.json' },
    htmlReporter: { fileName: 'reports/mutation/mutation.html' },
    thresholds: { high: 90, low: 85, break: null },
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
    ...overrides,
  };
}
