#!/usr/bin/env node
// Builds the docs site: spec/dist/openapi.json + code samples + branding → dist/openapi.json (the
// docs-only bundle) → `redocly build-docs --inlineBundle` → dist/index.html, one file that renders
// offline (its Content-Security-Policy blocks other origins; the browser test checks that nothing asks
// for one). Fails when an operation, or one of its named request examples, has no TypeScript sample,
// and when a sample file belongs to no operation or example of the spec.
// `--spec <file> --out <dir>` builds another spec (a release's, see versions.mjs) into another folder.
// The site's own pages (pages.mjs) are rendered to <out>/<slug>/index.html and linked from the
// overview: those of pages/, or with `--pages <dir>` those of another folder (a release's frozen
// ones). Another spec gets no pages unless --pages names them: pages/ describes today's client.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BRAND_COLOR, FAVICON, REDOCLY_CREDIT } from './brand.mjs';
import { buildDocsSpec, DIST_DIR, DOCS_DIR as docsDir, readSpec } from './docs-spec.mjs';
import { PAGES_DIR, readPages, renderPage } from './pages.mjs';
import { followExamplePicker } from './redoc-patches.mjs';

const { values: args } = parseArgs({
  options: { spec: { type: 'string' }, out: { type: 'string' }, pages: { type: 'string' }, 'allow-missing-samples': { type: 'boolean' } },
});
const distDir = args.out ? resolve(args.out) : DIST_DIR;
const pages = readPages(args.pages ? resolve(args.pages) : args.spec ? undefined : PAGES_DIR);

const started = performance.now();
const redoclyCli = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

const spec = args.spec ? JSON.parse(readFileSync(args.spec, 'utf8')) : readSpec();
const { docsSpec, samples, webhookSamples, missing, unexpected } = buildDocsSpec(spec, undefined, pages);
// --allow-missing-samples previews the site while a new operation's sample is being written (and
// renders a release's spec whose operations have changed since).
const preview = process.argv.includes('--allow-missing-samples');
if (missing.length) {
  const list = missing.map((name) => `samples/${name}.ts`).join(', ');
  console.error(`${preview ? 'warning' : 'error'}: no TypeScript sample for ${missing.length} operation(s) or request example(s): ${list}`);
  if (!preview) process.exit(1);
}
if (unexpected.length && !args.spec) {
  const list = unexpected.map((name) => `samples/${name}.ts`).join(', ');
  console.error(`${preview ? 'warning' : 'error'}: ${unexpected.length} sample(s) of no operation or request example of the spec: ${list}`);
  if (!preview) process.exit(1);
}

rmSync(distDir, { recursive: true, force: true });
mkdirSync(distDir, { recursive: true });
const docsSpecFile = join(distDir, 'openapi.json');
writeFileSync(docsSpecFile, JSON.stringify(docsSpec, null, 2) + '\n');

const htmlFile = join(distDir, 'index.html');
const redocly = spawnSync(
  process.execPath,
  [
    redoclyCli,
    'build-docs',
    docsSpecFile,
    '--inlineBundle',
    '--config',
    join(docsDir, 'redocly.yaml'),
    '--output',
    htmlFile,
    '--title',
    'Gigapay API reference',
    `--templateOptions.description=${spec.info.summary}`,
    `--templateOptions.brandColor=${BRAND_COLOR}`,
    `--templateOptions.favicon=${FAVICON}`,
  ],
  {
    cwd: docsDir,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', DO_NOT_TRACK: '1' },
  },
);
if (redocly.status !== 0) {
  process.stderr.write(redocly.stdout + redocly.stderr);
  console.error('redocly build-docs failed');
  process.exit(1);
}

// Redoc 3 draws its "API docs by Redocly" credit from cdn.redoc.ly: keep the credit, make it inline.
let html = readFileSync(htmlFile, 'utf8');
// Each operation with several named request examples has a sample per example: show the picked one's.
html = followExamplePicker(html);
html = html.replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g, REDOCLY_CREDIT);
// The page routes by hash (#/payouts/createpayout), but the prerendered markup links by path
// (/payouts), and hydration keeps those hrefs: "open in new tab" would then miss the page. Give
// the prerendered links the hrefs the page itself renders.
const prerendered = html.indexOf('<div id="redoc">');
const hydration = html.indexOf('<script type="module">', prerendered);
if (prerendered < 0 || hydration < 0) throw new Error('build-docs output changed shape: no prerendered #redoc before the module script');
html =
  html.slice(0, prerendered) +
  html.slice(prerendered, hydration).replace(/href="\/(?!\/)/g, 'href="#/') +
  html.slice(hydration);
writeFileSync(htmlFile, html);

for (const page of pages) {
  mkdirSync(join(distDir, page.slug), { recursive: true });
  writeFileSync(join(distDir, page.slug, 'index.html'), renderPage(page));
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const size = (statSync(htmlFile).size / 1024 / 1024).toFixed(2);
console.log(
  `Docs built in ${seconds} s: TypeScript and curl samples on ${new Set([...samples.values()].map((sample) => sample.operationId)).size} operations (${samples.size} TypeScript samples), receivers on ${webhookSamples.size} events; dist/index.html ${size} MB${pages.length ? `; pages: ${pages.map((page) => `${page.slug}/`).join(', ')}` : ''}.`,
);
console.log(`Open ${htmlFile}`);
console.log('Serve it on http://127.0.0.1:8080/ with: pnpm --filter @gigapay/docs serve [port]');
