import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedsDir } from './paths.js';

/** One `curl …` command line of the Gigapay docs (spec/test/seeds/, verbatim copies). */
export interface CurlSample {
  /** `002_….txt:181` */
  where: string;
  text: string;
}

export function curlSamples(): CurlSample[] {
  return readdirSync(seedsDir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .flatMap((file) =>
      readFileSync(join(seedsDir, file), 'utf8')
        .split('\n')
        .flatMap((line, index) => (line.startsWith('curl ') ? [{ where: `${file}:${index + 1}`, text: line }] : [])),
    );
}

/** Splits a command line into words as a POSIX shell does: '…' literal, "…" with \\-escapes, \\ outside quotes. No expansions (the samples have none). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated ' in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (ch === '"') {
      let j = i + 1;
      let text = '';
      for (; j < line.length && line[j] !== '"'; j++) text += line[j] === '\\' && '"\\$`'.includes(line[j + 1] ?? '') ? line[++j] : line[j];
      if (j >= line.length) throw new Error(`unterminated " in: ${line}`);
      word = (word ?? '') + text;
      i = j;
    } else if (ch === '\\') {
      word = (word ?? '') + (line[++i] ?? '');
    } else if (ch === ' ' || ch === '\t') {
      if (word !== null) words.push(word);
      word = null;
    } else word = (word ?? '') + ch;
  }
  if (word !== null) words.push(word);
  return words;
}

/** What curl makes of the words: the options the samples use, and every other word as a URL, as curl takes it. */
export interface CurlCommand {
  method: string | undefined;
  headers: string[];
  data: string | undefined;
  urls: string[];
}

export function parseCurl(words: string[]): CurlCommand {
  if (words[0] !== 'curl') throw new Error(`not a curl command: ${words.join(' ')}`);
  const command: CurlCommand = { method: undefined, headers: [], data: undefined, urls: [] };
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    const value = () => {
      if (i + 1 >= words.length) throw new Error(`${word} without a value`);
      return words[++i]!;
    };
    if (word === '-X') command.method = value();
    else if (word === '-H') command.headers.push(value());
    else if (word === '-d') command.data = value();
    else if (word.startsWith('-')) throw new Error(`curl option ${word} is not handled here`);
    else command.urls.push(word);
  }
  return command;
}

/**
 * Why the shell makes of this sample something else than its author meant, or null. Two signs:
 * a header with nothing after its colon (curl then removes that header instead of sending it),
 * and a second "URL" (a word the author meant as part of an option).
 */
export function brokenByQuoting(command: CurlCommand): string | null {
  const emptied = command.headers.filter((header) => /^[^:]+:\s*$/.test(header));
  if (emptied.length || command.urls.length !== 1) {
    return (
      `the shell reads ${command.urls.length} URLs (${command.urls.join(', ')})` +
      (emptied.length ? ` and the header ${emptied.map((h) => `'${h}'`).join(', ')} with no value, which curl removes instead of sending` : '') +
      ': a quote closes before the header value'
    );
  }
  return null;
}

const DOCS_ORIGIN = 'https://api.gigapay.se/v2';
const DOCS_TOKEN = /^Token [0-9a-f]{40}$/;

/**
 * The sample's words with only the host and the credentials replaced: the docs' API base by
 * `base` (Prism, which adds `/v2` on its way to the sandbox), the docs' token and Integration-ID by
 * the sandbox's. Throws if the sample does not call the docs' API base.
 */
export function rewriteForTarget(words: string[], target: { base: string; token: string; integrationId: string }): string[] {
  return words.map((word, index) => {
    if (words[index - 1] === '-H') {
      const [name, ...rest] = word.split(':');
      const value = rest.join(':').trim();
      if (/^authorization$/i.test(name!) && DOCS_TOKEN.test(value)) return `${name}: Token ${target.token}`;
      if (/^integration-id$/i.test(name!) && value) return `${name}: ${target.integrationId}`;
      return word;
    }
    if (index > 0 && !word.startsWith('-') && !['-X', '-H', '-d'].includes(words[index - 1]!)) {
      if (!word.startsWith(`${DOCS_ORIGIN}/`)) throw new Error(`not a URL of the docs' API: ${word}`);
      return target.base + word.slice(DOCS_ORIGIN.length);
    }
    return word;
  });
}
