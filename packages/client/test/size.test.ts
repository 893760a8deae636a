/**
 * Size budget: each entry bundled as a consumer's bundler would (esbuild, minified, ESM,
 * openapi-fetch included), then gzipped.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const BUDGETS = { 'src/index.ts': 6656, 'src/webhooks.ts': 1664 } as const;

async function minGzip(entry: string) {
  const result = await build({
    entryPoints: [new URL(`../${entry}`, import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    define: { __VERSION__: '"0.0.0"' },
  });
  const code = result.outputFiles[0]!.contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

describe('bundle size (min + gzip)', () => {
  for (const [entry, budget] of Object.entries(BUDGETS)) {
    it(`${entry} ≤ ${budget} bytes`, async () => {
      const { min, gzip } = await minGzip(entry);
      console.log(`${entry}: ${min} B min, ${gzip} B min+gzip (budget ${budget} B)`);
      expect(gzip).toBeLessThanOrEqual(budget);
    });
  }
});

describe("the README's sizes", () => {
  it('are the measured ones, in kB (1000 B) to one decimal', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const [, client, webhooks] = /- ([\d.]+) kB min\+gzip with openapi-fetch included[^;]*; the\s+webhooks entry ([\d.]+) kB/.exec(readme) ?? [];
    const kB = async (entry: string) => ((await minGzip(entry)).gzip / 1000).toFixed(1);
    expect({ client, webhooks }).toEqual({ client: await kB('src/index.ts'), webhooks: await kB('src/webhooks.ts') });
  });
});
