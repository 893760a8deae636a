#!/usr/bin/env node
// `pnpm --filter @gigapay/docs pages`: copies the code of samples/ into the sample blocks of
// pages/*.md, and the repository's files into their file blocks (see pages.mjs), after one
// changed. test/pages.test.ts fails until it ran.
import { writeFileSync } from 'node:fs';
import { readSpec, SAMPLES_DIR } from './docs-spec.mjs';
import { fileBlocksOf, PAGES_DIR, readPages, refreshSampleBlocks, sampleBlocksOf } from './pages.mjs';
import { exampleIdsOf } from './samples.mjs';

const exampleIds = exampleIdsOf(readSpec());
for (const page of readPages(PAGES_DIR)) {
  const refreshed = refreshSampleBlocks(page.markdown, SAMPLES_DIR, exampleIds);
  if (refreshed !== page.markdown) writeFileSync(page.file, refreshed);
  console.log(`${page.file}: ${sampleBlocksOf(refreshed).length} sample blocks, ${fileBlocksOf(refreshed).length} file blocks, ${refreshed === page.markdown ? 'unchanged' : 'refreshed'}`);
}
