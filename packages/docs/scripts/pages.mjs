#!/usr/bin/env node
// The docs' own pages beside the reference: pages/<slug>.md, read on GitHub as it is and rendered
// by the build to <slug>/index.html, linked from the reference's sidebar and the version switcher.
// A release freezes them (releases/<version>/docs/, tools/release/src/freeze.mjs), so that each
// version of the site shows its own.
//
// A code block of a page right after `<!-- sample: <file> -->` is that file of samples/, as shown:
// a client sample (the default-exported function of samples/<operationId>.ts's form) as the
// complete module the reference shows, any other file (a webhook receiver) as it is. The tests run
// those files; `pnpm --filter @gigapay/docs pages` (scripts/refresh-pages.mjs) copies them into the
// pages, and a test fails when a page shows other code than its files.
//
// A code block right after `<!-- file: <path> -->` is that file of the repository (path from its
// root), as it is: the migration guide shows the before/after pairs of the consumer suite
// (tools/consumers/migration/changes/), which compiles each side against its own version.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marked } from 'marked';
import { BRAND_COLOR } from './brand.mjs';
import { plainPage } from './plain-page.mjs';
import { parseSample, shownSample } from './samples.mjs';

export const PAGES_DIR = join(fileURLToPath(new URL('..', import.meta.url)), 'pages');
/** Where the paths of `file:` markers start. */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A marker and the fenced block after it: [whole, file, fence language, code]. */
const SAMPLE_BLOCK = /^<!-- sample: (\S+) -->\n```(\w*)\n([\s\S]*?)^```$/gm;
const CLIENT_SAMPLE = /^export default async function\b.*\(\s*client\s*:/m;
/** A marker naming a file of the repository and the fenced block after it: [whole, path, fence language, code]. */
const FILE_BLOCK = /^<!-- file: (\S+) -->\n```(\w*)\n([\s\S]*?)^```$/gm;

/**
 * The pages of a folder, by slug: { slug, file, markdown, title (its `# ` heading), lede (its
 * first paragraph) }. No folder, or one that does not exist, has none (a release frozen before
 * pages existed).
 * @param {string | undefined} dir
 */
export function readPages(dir) {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const markdown = readFileSync(file, 'utf8');
      const title = /^# (.+)$/m.exec(markdown)?.[1];
      if (!title) throw new Error(`${file}: a page starts with its title, a "# " heading`);
      const afterTitle = markdown.slice(markdown.indexOf(`# ${title}`) + title.length + 2);
      const lede = afterTitle.split(/\n\s*\n/).map((block) => block.trim()).find((block) => block && !block.startsWith('<!--'));
      return { slug: name.slice(0, -'.md'.length), file, markdown, title, lede: lede ?? '' };
    });
}

/** The sample blocks of a page, in order: { file, language, code }. */
export function sampleBlocksOf(markdown) {
  return [...markdown.matchAll(SAMPLE_BLOCK)].map(([, file, language, code]) => ({ file, language, code }));
}

/** The blocks of a page that show a file of the repository, in order: { path, language, code }. */
export function fileBlocksOf(markdown) {
  return [...markdown.matchAll(FILE_BLOCK)].map(([, path, language, code]) => ({ path, language, code }));
}

/** The code a page shows for samples/<file>: a client sample completed as the reference shows it, anything else as it is. */
export function shownPageSample(samplesDir, file, exampleIds) {
  const source = readFileSync(join(samplesDir, file), 'utf8');
  return CLIENT_SAMPLE.test(source) ? shownSample(parseSample(source, file), exampleIds) : source;
}

/** The page with every sample block replaced by the code its file shows now, and every file block by its file. */
export function refreshSampleBlocks(markdown, samplesDir, exampleIds, repoRoot = REPO_ROOT) {
  return markdown
    .replace(SAMPLE_BLOCK, (_block, file, language) => `<!-- sample: ${file} -->\n\`\`\`${language}\n${shownPageSample(samplesDir, file, exampleIds)}\`\`\``)
    .replace(FILE_BLOCK, (_block, path, language) => `<!-- file: ${path} -->\n\`\`\`${language}\n${readFileSync(join(repoRoot, path), 'utf8')}\`\`\``);
}

/** `Webhook receivers` → `webhook-receivers`: the anchor of a heading. */
export const anchorOf = (text) => text.toLowerCase().replace(/<[^>]*>/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The page's Markdown as HTML, each heading with an anchor, and its sections (`## `) for the contents. */
function toHtml(markdown) {
  const sections = [];
  const marked = new Marked({
    renderer: {
      heading(text, level) {
        const id = anchorOf(text);
        if (level === 2) sections.push({ id, text });
        return `<h${level} id="${id}">${text}</h${level}>\n`;
      },
    },
  });
  return { html: marked.parse(markdown, { async: false }), sections };
}

/**
 * A page as HTML (plain-page.mjs: no script, its own origin only), with its contents after the
 * title. Served at <version>/<slug>/, so the reference is one level up.
 */
export function renderPage({ markdown, title }) {
  const { html, sections } = toHtml(markdown);
  const contents = `<nav class="contents" aria-label="On this page"><ul>${sections.map(({ id, text }) => `<li><a href="#${id}">${text}</a></li>`).join('')}</ul></nav>`;
  // The contents go right after the title.
  const body = html.replace(/(<\/h1>\n)/, `$1${contents}\n`);
  return plainPage({
    title,
    style: `h2{color:${BRAND_COLOR};border-top:1px solid #e6e2f6;padding-top:24px;margin-top:40px}
pre{background:#1d1446;color:#f3f1fb;padding:16px;border-radius:8px;overflow-x:auto;line-height:1.45}
pre code{background:none;padding:0;font-size:14px}
.back{font-size:14px}
.contents ul{padding-left:20px;margin:8px 0 0}
`,
    body: `
<main>
<p class="back"><a href="../index.html" data-link="reference">← API reference</a></p>
${body}</main>`,
  });
}
