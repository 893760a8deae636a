import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const common: Options = {
  format: ['esm', 'cjs'],
  sourcemap: true,
  target: 'es2022',
  // openapi-fetch stays a dependency (not bundled); the types package is types only.
  external: ['openapi-fetch', '@gigapay/types'],
  define: { __VERSION__: JSON.stringify(version) },
};

export default defineConfig([
  // The builds run side by side: each cleans only its own files.
  { ...common, entry: { index: 'src/index.ts', webhooks: 'src/webhooks.ts' }, dts: true, clean: ['**', '!webhooks.node.*'] },
  // The `node` export condition of ./webhooks: the same module with node:crypto in place of Web
  // Crypto (internal/hmac-node.ts for internal/hmac.ts). Its types are those of dist/webhooks.
  {
    ...common,
    entry: { 'webhooks.node': 'src/webhooks.ts' },
    clean: ['webhooks.node.*'],
    platform: 'node',
    target: 'node20',
    removeNodeProtocol: false, // node:crypto, as Deno and Bun also resolve it
    esbuildPlugins: [
      {
        name: 'hmac-for-node',
        setup(build) {
          build.onResolve({ filter: /\/internal\/hmac\.js$/ }, () => ({
            path: new URL('./src/internal/hmac-node.ts', import.meta.url).pathname,
          }));
        },
      },
    ],
  },
]);
