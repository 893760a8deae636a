// The JSON bodies of the Gigapay docs this spec is written from (test/seeds/, copied verbatim),
// as the docs print them: ```json and ```http blocks and curl `-d '…'` bodies of the Markdown
// pages, bracketed blocks of the GitBook page. Only JSON syntax is repaired (trailing commas, a
// missing comma between members, unescaped quotes inside a string); no value is touched.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SeedBody {
  seed: string;
  line: number;
  text: string;
  value: unknown;
}

const seedsDir = join(import.meta.dirname, 'seeds');

export function repairJson(text: string): string {
  return (
    text
      // "Object with id "+46703000000" does not exist." → inner quotes escaped
      .replace(/"([^"\n]*)"([^",:\n\]}]+)"([^"\n]*)"(\s*[\n,\]}])/g, (_, a: string, b: string, c: string, end: string) => `"${a}\\"${b}\\"${c}"${end}`)
      // a member on its own line followed by another without a comma between them
      .replace(/("|\d|true|false|null|\}|\])(\s*\n\s*")/g, '$1,$2')
      // trailing commas
      .replace(/,(\s*[}\]])/g, '$1')
  );
}

/** JSON as printed when it parses, else after {@link repairJson}. */
function parseRepaired(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return JSON.parse(repairJson(text));
  }
}

function* markdownBlocks(text: string): Generator<{ offset: number; body: string }> {
  for (const m of text.matchAll(/```(json|http)\n([\s\S]*?)```/g)) {
    const inner = m[2]!;
    const body = m[1] === 'http' ? inner.split(/\n\s*\n/).slice(1).join('\n\n') : inner;
    if (body.trim()) yield { offset: m.index! + m[0].indexOf(body), body };
  }
  for (const m of text.matchAll(/ -d '([^']*)'/g)) yield { offset: m.index! + 5, body: m[1]! };
}

/** GitBook prints bodies unindented: a line `{` or `[` opens one, which ends where its brackets balance. */
function* gitbookBlocks(text: string): Generator<{ offset: number; body: string }> {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < lines.length; offset += lines[i]!.length + 1, i++) {
    if (lines[i] !== '{' && lines[i] !== '[') continue;
    let depth = 0;
    for (let j = i; j < lines.length; j++) {
      // The seeds' strings hold no brackets, so counting every bracket is enough.
      for (const ch of lines[j]!) depth += ch === '{' || ch === '[' ? 1 : ch === '}' || ch === ']' ? -1 : 0;
      if (depth === 0) {
        yield { offset, body: lines.slice(i, j + 1).join('\n') };
        for (; i < j; i++) offset += lines[i]!.length + 1;
        break;
      }
    }
  }
}

export function seedBodies(): { bodies: SeedBody[]; unparsable: { seed: string; line: number; text: string }[] } {
  const bodies: SeedBody[] = [];
  const unparsable: { seed: string; line: number; text: string }[] = [];
  for (const file of readdirSync(seedsDir).sort()) {
    const text = readFileSync(join(seedsDir, file), 'utf8');
    const blocks = text.includes('```') ? markdownBlocks(text) : gitbookBlocks(text);
    for (const { offset, body } of blocks) {
      const line = text.slice(0, offset).split('\n').length;
      try {
        bodies.push({ seed: file, line, text: body, value: parseRepaired(body) });
      } catch {
        unparsable.push({ seed: file, line, text: body });
      }
    }
  }
  return { bodies, unparsable };
}
