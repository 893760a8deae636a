/**
 * The TypeScript snippets of the READMEs, for the ESM consumer to compile as written (imports
 * included). A snippet that is a fragment says so on its first line, which readers see too:
 *   // continues the snippet above        (the previous ts snippet of the same README)
 *   // continues "Quick start"            (the first ts snippet under that heading)
 * and is compiled after the snippet it continues (and whatever that one continues).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './registry.mjs';

/** The READMEs users read: the root one and each public package's. */
export const READMES = ['README.md', 'spec/README.md', 'packages/types/README.md', 'packages/client/README.md', 'packages/sandbox/README.md'];

const CONTINUES = /^\/\/ continues (?:the snippet above|"([^"]+)")\s*$/;

/** `[{ readme, line, heading, code, continues }]`: every ```ts block of one README, in order. */
export function readmeSnippets(readme, markdown = readFileSync(join(WORKSPACE_ROOT, readme), 'utf8')) {
  const snippets = [];
  const lines = markdown.split('\n');
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const headingMatch = /^#{1,6}\s+(.*)$/.exec(lines[i]);
    if (headingMatch) heading = headingMatch[1].trim();
    const fence = /^```(\w+)\s*$/.exec(lines[i]);
    if (!fence) continue;
    const start = i;
    const body = [];
    while (++i < lines.length && !/^```\s*$/.test(lines[i])) body.push(lines[i]);
    if (fence[1] !== 'ts' && fence[1] !== 'typescript') continue;
    const first = CONTINUES.exec(body[0] ?? '');
    const continues = first ? (first[1] === undefined ? { previous: true } : { heading: first[1] }) : null;
    snippets.push({ readme, line: start + 1, heading, code: body.join('\n'), continues });
  }
  return snippets;
}

/**
 * One file per snippet: `[{ name, content }]`, each the snippet after the chain it continues,
 * made a module (`export {}`) so that top-level await works and names stay apart.
 */
export function snippetSources(readmes = READMES) {
  return readmes.flatMap((readme) => {
    const snippets = readmeSnippets(readme);
    const chain = (snippet) => {
      if (!snippet.continues) return [snippet];
      const index = snippets.indexOf(snippet);
      const before = snippet.continues.previous
        ? snippets[index - 1]
        : snippets.find((s) => s.heading === snippet.continues.heading && snippets.indexOf(s) < index);
      if (!before) throw new Error(`${readme}:${snippet.line}: continues a snippet that is not there (${JSON.stringify(snippet.continues)})`);
      return [...chain(before), snippet];
    };
    return snippets.map((snippet) => ({
      name: `${readme.replace(/\/?README\.md$/, '').replace(/\//g, '-') || 'root'}-README-L${snippet.line}.ts`,
      content: `// ${readme}, line ${snippet.line}${snippet.continues ? ', after the snippets it continues' : ''}\n${chain(snippet)
        .map((s) => s.code)
        .join('\n')}\nexport {};\n`,
    }));
  });
}
