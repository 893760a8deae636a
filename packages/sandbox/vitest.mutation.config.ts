// The tests Stryker runs against mutants of src/: all but the CLI test, which runs the built
// dist/ (mutants of src/ never reach it).
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(base, defineConfig({ test: { exclude: ['test/cli.test.ts', '**/node_modules/**'] } }));
