/**
 * Defaults are written once, as JSDoc `@default` on GigapayClientOptions. This keeps the README's
 * table in step with them, and checks that the code does what they say.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientWith, hangUntilAborted, json } from './helpers.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

function jsdocDefaults(): Record<string, string> {
  const source = ts.createSourceFile('client.ts', read('../src/client.ts'), ts.ScriptTarget.Latest, true);
  const options = source.statements.find(
    (node): node is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(node) && node.name.text === 'GigapayClientOptions',
  );
  const defaults: Record<string, string> = {};
  for (const member of options!.members) {
    if (!ts.isPropertySignature(member)) continue;
    const tag = ts.getJSDocTags(member).find((t) => t.tagName.text === 'default');
    const text = typeof tag?.comment === 'string' ? tag.comment.trim() : undefined;
    defaults[member.name.getText(source)] = text === undefined ? (member.questionToken ? '(no @default)' : 'required') : `\`${text}\``;
  }
  return defaults;
}

function readmeDefaults(): Record<string, string> {
  const section = read('../README.md').split('## Options')[1]!.split('\n## ')[0]!;
  const rows = section.split('\n').filter((line) => /^\| `\w+` \|/.test(line));
  return Object.fromEntries(rows.map((row) => row.split('|').map((cell) => cell.trim())).map(([, name, value]) => [name!.replaceAll('`', ''), value!]));
}

describe('README defaults table', () => {
  it('lists every option with its JSDoc @default', () => {
    const fromCode = jsdocDefaults();
    expect(Object.keys(fromCode)).toEqual([
      'token',
      'integrationId',
      'server',
      'language',
      'fetch',
      'timeoutMs',
      'maxResponseBytes',
      'maxRetries',
      'throwOnError',
      'userAgent',
      'onRequest',
      'onResponse',
    ]);
    expect(readmeDefaults()).toEqual(fromCode);
  });
});

describe('the code does what @default says', () => {
  afterEach(() => vi.useRealTimers());

  it("server 'demo', integrationId and language unset, throwOnError false", async () => {
    const { client, calls } = clientWith(() => json(404, { detail: 'Not found.' }), { integrationId: undefined });
    const { error } = await client.GET('/payouts/');
    expect(error).toEqual({ detail: 'Not found.' });
    expect(calls[0]!.url.startsWith('https://api.demo.gigapay.com/v2/')).toBe(true);
    expect(calls[0]!.headers.has('integration-id')).toBe(false);
    expect(calls[0]!.headers.has('accept-language')).toBe(false);
    expect(calls[0]!.headers.get('user-agent')).toMatch(/^@gigapay\/client\/\d+\.\d+\.\d+/);
  });

  it('maxResponseBytes 10_000_000', async () => {
    const body = (bytes: number) => () => new Response(`"${'a'.repeat(bytes - 2)}"`, { status: 200 });
    const within = clientWith(body(10_000_000), { maxRetries: 0 });
    expect((await within.client.GET('/payouts/')).data).toHaveLength(9_999_998);
    const over = clientWith(body(10_000_001), { maxRetries: 0 });
    expect(await over.client.GET('/payouts/').catch((error: Error) => error.message)).toContain('larger than maxResponseBytes (10000000 bytes)');
  });

  it('maxRetries 2 and timeoutMs 30000', async () => {
    vi.useFakeTimers();
    const { client, calls } = clientWith(hangUntilAborted);
    const pending = client.GET('/payouts/').catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(calls[0]!.signal!.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls[0]!.signal!.aborted).toBe(true);
    await vi.runAllTimersAsync();
    await pending;
    expect(calls).toHaveLength(3);
  });
});
