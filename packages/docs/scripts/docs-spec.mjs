// The docs-only bundle: the spec as bundled, plus what only the docs need (code samples, logo,
// headings Redoc can render). The build writes it to dist/openapi.json; the tests rebuild it in
// memory to tell a stale dist/ from a current one.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOGO } from './brand.mjs';
import { PAGES_DIR, readPages } from './pages.mjs';
import { loadTypeScriptSamples, loadWebhookSamples, withCodeSamples } from './samples.mjs';

export const DOCS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLES_DIR = join(DOCS_DIR, 'samples');
export const DIST_DIR = join(DOCS_DIR, 'dist');
export const SPEC_FILE = createRequire(import.meta.url).resolve('@gigapay/openapi/openapi.json');

export function readSpec() {
  return JSON.parse(readFileSync(SPEC_FILE, 'utf8'));
}

// Redoc drops inline code from headings ("Verifying the `Gigapay-Signature`" shows as
// "Verifying the ", in the sidebar and in the link): show such headings as plain text.
const plainHeadings = (markdown) => markdown?.replace(/^(#{1,6} .*)$/gm, (heading) => heading.replace(/`/g, ''));

/**
 * A section at the end of the overview for each page of the site (pages.mjs): its title in the
 * sidebar, its first paragraph, and a link to it. `index.html`, so that the link also works in a
 * build opened as a file.
 */
export function pageSections(pages) {
  return pages.map(({ slug, title, lede }) => `# ${title}\n\n${lede}\n\n[Open the ${title} page](${slug}/index.html)\n`).join('\n');
}

/** `pages`: the site's own pages (pages.mjs), each linked from a section of the overview. */
export function buildDocsSpec(spec = readSpec(), samplesDir = SAMPLES_DIR, pages = readPages(PAGES_DIR)) {
  const { samples, missing, unexpected, exampleIds } = loadTypeScriptSamples(spec, samplesDir);
  const webhookSamples = loadWebhookSamples(spec, samplesDir);
  // No reshaping of schemas: the published bundle renders as it is (every field of a request body
  // in each tab of its exactly-one rule; spec/scripts/exactly-one.mjs).
  const docsSpec = withCodeSamples(spec, samples, exampleIds, webhookSamples);
  delete docsSpec['x-generated'];
  docsSpec.info['x-logo'] = { url: LOGO, altText: 'Gigapay API', backgroundColor: '#ffffff' };
  if (pages.length) docsSpec.info.description = `${docsSpec.info.description.trimEnd()}\n\n${pageSections(pages)}`;
  docsSpec.info.description = plainHeadings(docsSpec.info.description);
  for (const tag of docsSpec.tags ?? []) tag.description = plainHeadings(tag.description);
  return { docsSpec, samples, webhookSamples, missing, unexpected, exampleIds };
}
