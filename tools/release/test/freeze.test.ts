// Freezing a release: the bundled spec, the API reports and the docs pages, copied as they are, so
// that the next api:check and each version of the docs site read what that release shipped.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { API_ENTRIES, reportFile } from '../src/api-reports.mjs';
import { DOCS_PAGES_DIR, freezeRelease } from '../src/freeze.mjs';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A workspace with a bundled spec, every API report and the given docs pages. */
function workspace(pages: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'gigapay-freeze-'));
  roots.push(root);
  const write = (file: string, text: string) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  write(join(root, 'spec', 'dist', 'openapi.json'), '{"openapi":"3.1.0"}');
  for (const entry of API_ENTRIES) write(reportFile(entry, root), `report of ${entry.report}`);
  for (const [name, text] of Object.entries(pages)) write(join(root, DOCS_PAGES_DIR, name), text);
  return root;
}

it('copies the spec, the API reports and the docs pages (Markdown only) to releases/<version>/', () => {
  const root = workspace({ 'client.md': '# TypeScript client\n\n```ts\nconst x = 1;\n```\n', 'notes.txt': 'not a page' });
  const dir = freezeRelease('2.0.0', root);
  expect(dir).toBe(join(root, 'releases', '2.0.0'));
  expect(readFileSync(join(dir, 'openapi.json'), 'utf8')).toBe('{"openapi":"3.1.0"}');
  expect(readdirSync(join(dir, 'api')).sort()).toEqual(API_ENTRIES.map((entry) => `${entry.report}.api.md`).sort());
  expect(readdirSync(join(dir, 'docs'))).toEqual(['client.md']);
  expect(readFileSync(join(dir, 'docs', 'client.md'), 'utf8')).toBe('# TypeScript client\n\n```ts\nconst x = 1;\n```\n');
});

it('freezes no docs folder when there are no pages', () => {
  const dir = freezeRelease('2.0.0', workspace({}));
  expect(readdirSync(dir).sort()).toEqual(['api', 'openapi.json']);
});
