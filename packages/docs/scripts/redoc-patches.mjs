// Redoc 3 (Community Edition) shows one sample per language whatever request example the reader
// picks: its sample panel takes the first x-codeSample of the active language. An operation with
// several named request examples carries one sample per example and language, in the examples'
// order (samples.mjs), and this patch of the page's inlined Redoc makes the panel take the sample at
// the picked example's index instead (the first when there are fewer samples than examples).
// Redoc is pinned (the catalog's @redocly/cli): a Redoc whose code differs fails the build here,
// rather than silently showing the first example's sample for every example.

/** The panel's choice of sample, as Redoc 3 of @redocly/cli 2.77 minifies it. */
const FIRST_SAMPLE_OF_LANGUAGE =
  'ie=(0,B.useMemo)(()=>{if(ee===`payload`)return``;let e=O?.find(e=>Dj(e)===ee);return e?e.source:`// ${n(`unsupportedLanguage`,`Language is not supported.`)}`},[ee,O,n])';
/** The same choice by the picked example's index (`w`), recomputed when the pick changes. */
const SAMPLE_OF_PICKED_EXAMPLE =
  'ie=(0,B.useMemo)(()=>{if(ee===`payload`)return``;let s=O?.filter(e=>Dj(e)===ee)??[],e=s[w]??s[0];return e?e.source:`// ${n(`unsupportedLanguage`,`Language is not supported.`)}`},[ee,O,n,w])';

/** The page with the sample panel following the example picker; throws when Redoc's code changed. */
export function followExamplePicker(html) {
  const found = html.split(FIRST_SAMPLE_OF_LANGUAGE).length - 1;
  if (found !== 1) {
    throw new Error(
      `build-docs output changed: the sample panel's choice of sample was found ${found} times (expected once), so the TypeScript and curl samples cannot follow the example picker; update scripts/redoc-patches.mjs for this Redoc`,
    );
  }
  return html.replace(FIRST_SAMPLE_OF_LANGUAGE, SAMPLE_OF_PICKED_EXAMPLE);
}
