// The unit tests that run on src/, for Stryker: not those of the built dist/ (which mutants of
// src/ never reach) nor the bundle size (an esbuild run per test, for nothing).
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(base, defineConfig({ test: { exclude: ['test/size.test.ts', 'test/webhooks-dist.test.ts', '**/node_modules/**'] } }));
