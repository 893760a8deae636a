import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  define: { __VERSION__: JSON.stringify(version) },
  test: {
    include: ['test/**/*.test.ts'],
    // Type assertions sit beside the runtime ones, in the same files.
    typecheck: { include: ['test/**/*.test.ts', 'test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    benchmark: { include: ['test/**/*.bench.ts'] },
  },
});
