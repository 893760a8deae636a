// The shell of the site's plain pages (the changelog, the pages of pages/): no script, a
// Content-Security-Policy that allows nothing but inline styles and data: images, so that these
// pages stay on their own origin like the reference, and the brand's look.
import { BRAND_COLOR, FAVICON } from './brand.mjs';

export const escapeHtml = (text) => String(text).replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]);

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** A whole page: `title` (text), `style` (the page's own CSS rules, after the common ones), `body` (HTML). */
export function plainPage({ title, style = '', body }) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} · Gigapay API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<link rel="icon" href="${FAVICON}">
<style>
body{margin:0;font:16px/1.6 Helvetica,Arial,sans-serif;color:#1d1446}
main{max-width:860px;margin:0 auto;padding:64px 24px}
h1{color:${BRAND_COLOR}}
code{background:#f3f1fb;padding:1px 4px;border-radius:4px;font-size:90%}
a{color:${BRAND_COLOR}}
${style}</style>
</head>
<body>${body}
</body>
</html>
`;
}
