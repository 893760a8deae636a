// An environment variable that changes what a test run checks (an opt-out, another browser, fewer
// fuzz cases) must be part of turbo's cache key: a pass-through variable is not hashed, so a run with
// GIGAPAY_SKIP_BROWSER_TESTS=1 would be replayed as a pass for a later plain `npm test`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../src/workspace.mjs';

/** Variables the tests and their scripts read that change nothing about what passes, each with why. */
const NOT_OUTCOME = new Map([
  ['GIGAPAY_CONSUMERS_KEEP', 'keeps the consumer projects on disk for a look; the same checks run'],
  ['CONSUMER_TARGET', 'set by the consumer suite itself for the process it starts'],
  ['PORT', 'the port `serve.mjs` listens on when run by hand'],
  ['GIGAPAY_TOKEN', 'written into the code samples the docs show (scripts/samples.mjs); no test reads it'],
  ['GIGAPAY_INTEGRATION_ID', 'written into the code samples the docs show (scripts/samples.mjs); no test reads it'],
  ['PATH', 'where curl, node and npm are found; the tests that build their own (no pnpm on it) start from it, and a missing tool fails them rather than passing'],
  ['X', 'a placeholder in a comment (`process.env.X` in compile-errors.test.ts), not read'],
  ['NPM_CONFIG_PROVENANCE', "a key of the release workflow's env, read from its YAML by workflows.test.ts"],
]);

/** Where the code that `turbo run test` runs reads its settings: tests and the scripts they call. */
function testSources(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.mts', '*.mjs', '*.js', '*.cjs'], { cwd: ROOT, encoding: 'utf8' });
  return listed
    .split('\n')
    .filter((file) => /^(?:spec|packages\/[^/]+|tools\/[^/]+|examples)\/(?:test|scripts)\//.test(file) && !file.includes('node_modules/'))
    // Type tests are compiled, never run; this file names variables only to explain the scan.
    .filter((file) => !file.endsWith('.test-d.ts') && file !== 'tools/release/test/turbo-env.test.ts');
}

/** The variables read in `text` through process.env (or an `env` object), by name or through a named constant. */
function variablesRead(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/\b(?:process\.)?env(?:\.([A-Z][A-Z0-9_]*)\b|\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\])/g)) names.add((match[1] ?? match[2])!);
  // `env[OPT_OUT]`, with the constant's value defined in the same file.
  for (const match of text.matchAll(/\benv\[\s*([A-Z][A-Z0-9_]*)\s*\]/g)) {
    const constant = new RegExp(`\\b${match[1]}\\s*=\\s*['"]([A-Z][A-Z0-9_]*)['"]`).exec(text);
    if (constant) names.add(constant[1]!);
  }
  return [...names];
}

const turbo = JSON.parse(readFileSync(join(ROOT, 'turbo.json'), 'utf8'));
/** Hashed for every test task: turbo's global env plus the root test task's env (packages inherit it). */
const hashed = new Set<string>([...(turbo.globalEnv ?? []), ...(turbo.tasks.test.env ?? [])]);
const passedThrough = new Set<string>([...(turbo.globalPassThroughEnv ?? []), ...(turbo.tasks.test.passThroughEnv ?? [])]);

describe("turbo's cache key", () => {
  it('hashes every variable a test reads that can change its outcome, and passes none of them through unhashed', () => {
    const read = new Map<string, string[]>();
    for (const file of testSources()) {
      for (const name of variablesRead(readFileSync(join(ROOT, file), 'utf8'))) read.set(name, [...(read.get(name) ?? []), file]);
    }
    // The scan sees the opt-out where it is defined.
    expect([...read.keys()]).toContain('GIGAPAY_SKIP_BROWSER_TESTS');
    const unhashed = [...read].filter(([name]) => !hashed.has(name) && !NOT_OUTCOME.has(name)).map(([name, files]) => `${name} (read in ${files.join(', ')})`);
    expect(unhashed, 'add these to turbo.json: tasks.test.env').toEqual([]);
    expect([...hashed].filter((name) => passedThrough.has(name))).toEqual([]);
  });

  it('gives a docs test run with GIGAPAY_SKIP_BROWSER_TESTS=1 another hash than a plain one', () => {
    const hashOf = (extra: Record<string, string>) => {
      const env = { ...process.env, ...extra };
      if (!('GIGAPAY_SKIP_BROWSER_TESTS' in extra)) delete env.GIGAPAY_SKIP_BROWSER_TESTS;
      const dry = JSON.parse(
        execFileSync(join(ROOT, 'node_modules', '.bin', 'turbo'), ['run', 'test', '--filter=@gigapay/docs', '--dry=json'], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
      );
      return dry.tasks.find((task: { taskId: string }) => task.taskId === '@gigapay/docs#test').hash as string;
    };
    const plain = hashOf({});
    expect(hashOf({ GIGAPAY_SKIP_BROWSER_TESTS: '1' })).not.toBe(plain);
    expect(hashOf({})).toBe(plain);
  });
});
