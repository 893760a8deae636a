import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  // The one validator is a private workspace package: bundled here, so the published sandbox
  // depends only on what it lists (ajv, ajv-formats, hono), never on an unpublished package.
  noExternal: ['@gigapay/openapi-validator'],
  // Its types are inlined too: the path mapping makes the d.ts bundler read it as local source.
  dts: { entry: 'src/index.ts', compilerOptions: { paths: { '@gigapay/openapi-validator': ['../openapi-validator/src/index.ts'] } } },
  target: 'node20',
  clean: true,
  // No source maps: the tarball carries only what a user runs (the maps doubled it, the embedded spec twice).
  sourcemap: false,
});
