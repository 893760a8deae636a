import { readFileSync } from 'node:fs';
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/**
 * In the CommonJS build, `import createClient from 'openapi-fetch'` must read `exports.default` of
 * openapi-fetch's CommonJS entry. esbuild compiles a default import from a `"type": "module"` file
 * with Node's ESM semantics (default = the whole `module.exports`), which made `createClient` an
 * object: "(0 , import_openapi_fetch.default) is not a function". Importing it through a module of
 * no package type gives the CommonJS semantics (honouring `__esModule`).
 */
const commonJsDefaultImport: Plugin = {
  name: 'commonjs-default-import',
  setup(build) {
    build.onResolve({ filter: /^openapi-fetch$/ }, (args) =>
      args.namespace === 'cjs-interop' ? { path: args.path, external: true } : { path: args.path, namespace: 'cjs-interop' },
    );
    build.onLoad({ filter: /.*/, namespace: 'cjs-interop' }, (args) => ({ contents: `export { default } from '${args.path}';`, loader: 'js' }));
  },
};

const shared: Options = {
  entry: { index: 'src/index.ts', webhooks: 'src/webhooks.ts' },
  dts: true,
  sourcemap: true,
  target: 'es2022',
  // openapi-fetch stays a dependency (not bundled); the types package is types only.
  external: ['openapi-fetch', '@gigapay/types'],
  define: { __VERSION__: JSON.stringify(version) },
};

// Two builds that run side by side: each one cleans only its own files.
export default defineConfig([
  { ...shared, format: 'esm', clean: ['*.js', '*.js.map', '*.d.ts'] },
  {
    ...shared,
    format: 'cjs',
    clean: ['*.cjs', '*.cjs.map', '*.d.cts'],
    // noExternal hands openapi-fetch from tsup's external plugin (which runs first) to ours.
    external: ['@gigapay/types'],
    noExternal: ['openapi-fetch'],
    esbuildPlugins: [commonJsDefaultImport],
  },
]);
