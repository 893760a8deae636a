// The tests Stryker runs against mutants of src/: all but the CLI test, which runs the built
// dist/ (mutants of src/ never reach it), with the fuzz at one request per mutation and without
// its memory-heavy extras, so that a mutant costs seconds, not a minute.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(base, defineConfig({ test: { exclude: ['test/cli.test.ts', '**/node_modules/**'], env: { FUZZ_VARIATIONS: '0', FUZZ_EXTRAS: 'off' } } }));
