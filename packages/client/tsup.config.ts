import { readFileSync } from 'node:fs';
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** The `node` build of ./webhooks: node:crypto (internal/hmac-node.ts) in place of Web Crypto (internal/hmac.ts). */
const hmacForNode: Plugin = {
  name: 'hmac-for-node',
  setup(build) {
    build.onResolve({ filter: /\/internal\/hmac\.js$/ }, () => ({
      path: new URL('./src/internal/hmac-node.ts', import.meta.url).pathname,
    }));
  },
};

const shared: Options = {
  sourcemap: true,
  target: 'es2022',
  // openapi-fetch stays a dependency (not bundled); the types package is types only.
  external: ['openapi-fetch', '@gigapay/types'],
  define: { __VERSION__: JSON.stringify(version) },
};
const entry = { index: 'src/index.ts', webhooks: 'src/webhooks.ts' };
const NODE_BUILD = '!webhooks.node.*';

// Builds that run side by side: each one cleans only its own files.
export default defineConfig([
  { ...shared, entry, dts: true, format: 'esm', clean: ['*.js', '*.js.map', '*.d.ts', NODE_BUILD] },
  {
    ...shared,
    entry,
    dts: true,
    format: 'cjs',
    clean: ['*.cjs', '*.cjs.map', '*.d.cts', NODE_BUILD],
  },
  // The `node` export condition of ./webhooks; its types are those of dist/webhooks.
  {
    ...shared,
    entry: { 'webhooks.node': 'src/webhooks.ts' },
    format: ['esm', 'cjs'],
    clean: ['webhooks.node.*'],
    platform: 'node',
    target: 'node20',
    removeNodeProtocol: false, // node:crypto, as Deno and Bun also resolve it
    esbuildPlugins: [hmacForNode],
  },
]);
