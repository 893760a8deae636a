// The changelog page of the versioned site: the CHANGELOG.md of every public package, merged by
// version (the packages share one version), newest first, after what the pending changesets will
// release next. Plain HTML under the same Content-Security-Policy as the reference pages.
import { marked } from 'marked';
import { plainPage } from './plain-page.mjs';

const SEMVER_HEADING = /^## (\d+\.\d+\.\d+)\s*$/gm;
const byVersionDesc = (a, b) => {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  return y[0] - x[0] || y[1] - x[1] || y[2] - x[2];
};
/** `### Major Changes` inside a package's section becomes a level-4 heading under it. */
const render = (markdown) => marked.parse(markdown.replace(/^### /gm, '#### '), { async: false });

/** { version: [{ name, markdown }] } from each changelog's `## <version>` sections. */
export function releasesOf(changelogs) {
  /** @type {Map<string, Array<{ name: string, markdown: string }>>} */
  const releases = new Map();
  for (const { name, text } of changelogs) {
    const headings = [...text.matchAll(SEMVER_HEADING)];
    headings.forEach((heading, index) => {
      const end = headings[index + 1]?.index ?? text.length;
      const markdown = text.slice(heading.index + heading[0].length, end).trim();
      if (!releases.has(heading[1])) releases.set(heading[1], []);
      releases.get(heading[1]).push({ name, markdown });
    });
  }
  return new Map([...releases].sort(([a], [b]) => byVersionDesc(a, b)));
}

export const versionAnchor = (version) => `v${version.replace(/\./g, '-')}`;

export function renderChangelogPage({ changelogs, pending, switcher }) {
  const releases = releasesOf(changelogs);
  const sections = [];
  if (pending.length) {
    const entries = pending.map(({ releases: bumps, summary }) => {
      const names = Object.entries(bumps)
        .map(([name, bump]) => `<code>${name}</code> ${bump}`)
        .join(', ');
      return `<li><p class="bumps">${names}</p>${render(summary)}</li>`;
    });
    sections.push(`<section id="unreleased"><h2>Unreleased</h2><p>In the next release, from the pending changesets:</p><ul>${entries.join('')}</ul></section>`);
  }
  for (const [version, packages] of releases) {
    const body = packages.map(({ name, markdown }) => `<h3>${name}</h3>${render(markdown)}`).join('');
    sections.push(`<section id="${versionAnchor(version)}"><h2>${version}</h2>${body}</section>`);
  }
  if (!sections.length) sections.push('<p>Nothing released yet.</p>');
  return plainPage({
    title: 'Changelog',
    style: `section{border-top:1px solid #e6e2f6;margin-top:32px}
h3{margin-bottom:0}
.bumps{font-size:14px;color:#5b5378;margin:0}
`,
    body: `${switcher}
<main>
<h1>Changelog</h1>
<p>Every release of <code>@gigapay/types</code>, <code>@gigapay/client</code>, <code>@gigapay/sandbox</code> and <code>@gigapay/openapi</code>. They are released together, under one version.</p>
${sections.join('\n')}
</main>`,
  });
}
