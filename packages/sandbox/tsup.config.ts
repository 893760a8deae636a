import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  target: 'node20',
  clean: true,
  // No source maps: the tarball carries only what a user runs (the maps doubled it, the embedded spec twice).
  sourcemap: false,
});
