import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig({
  entry: { index: 'src/index.ts', webhooks: 'src/webhooks.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // openapi-fetch stays a dependency (not bundled); the types package is types only.
  external: ['openapi-fetch', '@gigapay/types'],
  define: { __VERSION__: JSON.stringify(version) },
});
