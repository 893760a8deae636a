/**
 * What tsc prints for the commonest mistakes, on TypeScript 5.9 (the workspace's) and 7.0 (the
 * native compiler, fetched from the registry once into tools/consumers/.cache/).
 *
 * A `// @ts-expect-error tsc: …` line quotes tsc: its pieces (separated by ` … `) must appear, in
 * order, in what tsc prints for the line below it. In the type tests such quotes sit beside
 * directives that only explain; in the READMEs every `@ts-expect-error` is a quote. The files are
 * checked with their directives disabled, so that tsc prints every error: each must be on a line
 * that a directive announces, and each directive must announce one.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript modules of the consumer suite, without declarations
import { typescriptBinary } from '../../../tools/consumers/src/node-binaries.mjs';
// @ts-expect-error: plain JavaScript modules of the consumer suite, without declarations
import { snippetSources } from '../../../tools/consumers/src/snippets.mjs';

const here = (path: string) => new URL(path, import.meta.url).pathname;
const DIRECTIVE = /\/\/\s*@ts-expect-error\b(.*)$/;
const QUOTE = /^\s*tsc:\s*(.+)$/;

interface Source {
  name: string;
  content: string;
  /** Every directive must quote tsc (the READMEs). */
  quotesOnly: boolean;
}

/** The client's type tests, and each README snippet that expects an error. */
function sources(): Source[] {
  const readmes = ['README.md', 'packages/types/README.md', 'packages/client/README.md'];
  const snippets = (snippetSources(readmes) as { name: string; content: string }[]).filter((snippet) => snippet.content.includes('@ts-expect-error'));
  return [
    { name: 'types.test-d.ts', content: readFileSync(here('./types.test-d.ts'), 'utf8'), quotesOnly: false },
    ...snippets.map((snippet) => ({ ...snippet, quotesOnly: true })),
  ];
}

interface Directive {
  /** 1-based line of the code it is about (the next line). */
  line: number;
  /** The pieces of a quote of tsc, or `undefined` for an explanation. */
  pieces: string[] | undefined;
}

function directivesOf(content: string): Directive[] {
  return content.split('\n').flatMap((text, index) => {
    const directive = DIRECTIVE.exec(text);
    if (!directive) return [];
    const quote = QUOTE.exec(directive[1]!);
    return [{ line: index + 2, pieces: quote?.[1]!.split('…').map((piece) => piece.trim()).filter(Boolean) }];
  });
}

/** `tsc --pretty false` output → file name → line → each error's text, its elaboration lines joined. */
function errorsByLine(output: string): Map<string, Map<number, string[]>> {
  const errors = new Map<string, Map<number, string[]>>();
  let last: { list: string[]; at: number } | undefined;
  for (const text of output.split('\n')) {
    const start = /^(?:.*[\\/])?([^\\/(]+)\((\d+),\d+\): error (TS\d+: .*)$/.exec(text);
    if (start) {
      const byLine = errors.get(start[1]!) ?? new Map<number, string[]>();
      errors.set(start[1]!, byLine);
      const list = byLine.get(Number(start[2])) ?? [];
      byLine.set(Number(start[2]), list);
      last = { list, at: list.push(start[3]!) - 1 };
    } else if (last && /^\s+\S/.test(text)) {
      last.list[last.at] += ` ${text.trim()}`;
    } else {
      last = undefined;
    }
  }
  return errors;
}

/** The names of the client's type machinery, which no message may print (`BulkMarker<never>` did on 7.0). */
const internalNames = [...readFileSync(here('../src/types.ts'), 'utf8').matchAll(/^(?:export )?(?:type|interface) (\w+)/gm)].map((match) => match[1]!);

const compilers: Record<string, () => Promise<string>> = {
  'TypeScript 5.9': async () => createRequire(import.meta.url).resolve('typescript/bin/tsc'),
  'TypeScript 7.0': () => typescriptBinary(),
};

describe.each(Object.keys(compilers))('%s prints what the @ts-expect-error lines say', (compiler) => {
  const checked = sources();
  let errors: Map<string, Map<number, string[]>>;
  let dir: string;

  beforeAll(async () => {
    const tsc = await compilers[compiler]!();
    // Inside the package (not under test/, which the type tests glob), so that `@gigapay/client` (this
    // package's dist/) and its dependencies resolve as for a consumer.
    dir = mkdtempSync(here('../.compile-errors-'));
    for (const source of checked) writeFileSync(join(dir, source.name), source.content.replaceAll('@ts-expect-error', 'ts-expect-error (disabled)'));
    const config = {
      extends: '../test/tsconfig.strict.json',
      // As the ESM consumer compiles the README snippets (`process.env.X`).
      compilerOptions: { types: ['node'], noPropertyAccessFromIndexSignature: false },
      files: checked.map((source) => source.name),
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
    // Both `bin/tsc` are Node scripts (7.0's starts the native compiler).
    const result = await promisify(execFile)(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout: string }) => error);
    errors = errorsByLine(result.stdout);
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(checked.map((source) => [source.name, source] as const))('%s', (name, source) => {
    const directives = directivesOf(source.content);
    const found = errors.get(name) ?? new Map<number, string[]>();
    // Every error is announced by a directive, and every directive announces one.
    expect([...found.keys()].sort((a, b) => a - b)).toEqual(directives.map((directive) => directive.line));
    for (const { line, pieces } of directives) {
      if (source.quotesOnly) expect(pieces, `${name}:${line - 1} quotes tsc (// @ts-expect-error tsc: …)`).toBeDefined();
      if (!pieces) continue;
      const printed = found.get(line)!.join('\n');
      const at = pieces.reduce((from, piece) => {
        const index = printed.indexOf(piece, from);
        expect(index, `${name}:${line - 1}: "${piece}" is not in what tsc prints:\n${printed}`).toBeGreaterThanOrEqual(0);
        return index + piece.length;
      }, 0);
      expect(at).toBeGreaterThan(0);
      const named = internalNames.filter((internal) => new RegExp(`\\b${internal}\\b`).test(printed));
      expect(named, `${name}:${line - 1}: tsc names the client's own types:\n${printed}`).toEqual([]);
    }
  });
});
