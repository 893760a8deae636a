// Gigapay branding of the docs: colour and logo, as data: URIs so the site stays one offline file.
export const BRAND_COLOR = '#4a2fbd';

const logoSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="64" viewBox="0 0 240 64">
<rect x="4" y="8" width="48" height="48" rx="12" fill="${BRAND_COLOR}"/>
<path d="M38 25a12 12 0 1 0 2 11h-12" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round"/>
<text x="64" y="43" font-family="Helvetica, Arial, sans-serif"><tspan font-size="28" font-weight="700" fill="#1d1446">Gigapay</tspan><tspan dx="8" font-size="20" fill="${BRAND_COLOR}">API</tspan></text>
</svg>`;

const iconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" rx="12" fill="${BRAND_COLOR}"/><path d="M34 17a12 12 0 1 0 2 11h-12" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round"/></svg>`;

// Redoc's sidebar footer shows a "by Redocly" image from cdn.redoc.ly: keep the credit, serve it inline.
const redoclyCreditSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="72" height="16" viewBox="0 0 72 16"><text x="0" y="12.5" font-family="Helvetica, Arial, sans-serif" font-size="13" font-weight="700" fill="#6b6b80">Redocly</text></svg>`;

export const dataUri = (svg) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

export const LOGO = dataUri(logoSvg);
export const FAVICON = dataUri(iconSvg);
export const REDOCLY_CREDIT = dataUri(redoclyCreditSvg);
