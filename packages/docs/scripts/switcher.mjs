// The version switcher at the top of every page of the versioned site: a <details> menu (no script,
// so it works under the page's Content-Security-Policy and before Redoc hydrates), with the changelog,
// the getting-started guide and the version's own pages (pages.mjs) beside it. Links are relative,
// so the site works under any base path (GitHub Pages serves a project's site under /<repository>/).
import { BRAND_COLOR } from './brand.mjs';
import { escapeHtml as escape } from './plain-page.mjs';

const STYLE = `<style>
#gigapay-versions{position:fixed;top:10px;right:16px;z-index:10000;display:flex;gap:12px;align-items:center;font:14px/1.4 Helvetica,Arial,sans-serif;background:#fff;border:1px solid #d9d4f2;border-radius:8px;padding:6px 12px;box-shadow:0 2px 8px rgba(29,20,70,.12)}
#gigapay-versions a{color:${BRAND_COLOR};text-decoration:none}
#gigapay-versions a:hover{text-decoration:underline}
#gigapay-versions details{position:relative}
#gigapay-versions summary{cursor:pointer;font-weight:700;color:#1d1446}
#gigapay-versions ul{position:absolute;right:0;top:28px;margin:0;padding:6px 0;list-style:none;background:#fff;border:1px solid #d9d4f2;border-radius:8px;min-width:190px;box-shadow:0 4px 14px rgba(29,20,70,.16)}
#gigapay-versions li a{display:block;padding:4px 14px;white-space:nowrap}
#gigapay-versions [aria-current="page"]{font-weight:700}
</style>`;

/**
 * @param {object} context
 * @param {Array<{ label: string, version: string, path: string, latest: boolean }>} context.versions newest first
 * @param {{ label: string, latest: boolean } | undefined} context.current the version this page shows
 * @param {string} context.base from this page to the site's root: '', '../' or '../../'
 * @param {string} [context.page] 'changelog' on the changelog page
 * @param {string} [context.gettingStarted] the guide's href (relative to this page)
 * @param {Array<{ slug: string, href: string, title: string, current?: boolean }>} [context.pages] the version's own pages, hrefs relative to this page
 */
export function switcherHtml({ versions, current, base, page, gettingStarted, pages = [] }) {
  const root = base || './';
  const items = versions.map((version) => {
    const href = version.latest ? root : base + version.path;
    const isCurrent = current && version.label === current.label;
    const text = version.version === 'unreleased' ? 'unreleased (main)' : `${version.label} · ${version.version}${version.latest ? ' (latest)' : ''}`;
    return `<li><a href="${escape(href)}" data-version="${escape(version.label)}"${isCurrent ? ' aria-current="page"' : ''}>${escape(text)}</a></li>`;
  });
  const summary = !current ? 'Versions' : current.version === 'unreleased' ? 'Unreleased (main)' : `Version ${current.label}${current.latest ? ' (latest)' : ''}`;
  const links = [
    `<a href="${escape(base)}changelog/" data-link="changelog"${page === 'changelog' ? ' aria-current="page"' : ''}>Changelog</a>`,
    ...(gettingStarted ? [`<a href="${escape(gettingStarted)}" data-link="getting-started">Getting started</a>`] : []),
    ...pages.map(
      ({ slug, href, title, current: isCurrent }) => `<a href="${escape(href)}" data-link="page-${escape(slug)}"${isCurrent ? ' aria-current="page"' : ''}>${escape(title)}</a>`,
    ),
  ];
  return `${STYLE}<nav id="gigapay-versions" aria-label="Docs versions"><details><summary>${escape(summary)}</summary><ul>${items.join('')}</ul></details>${links.join('')}</nav>`;
}
