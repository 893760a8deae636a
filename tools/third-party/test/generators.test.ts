import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptedErrors, compile, generate, generators, unexplained, type GeneratorName } from '../src/generators.js';
import { bundledSpec } from '../src/paths.js';

// openapi-typescript (default options), @hey-api/openapi-ts and orval on the published bundle, each
// output compiled with the fixture (generators/fixture.ts, through the generator's adapter): a
// payout with one basis and only the required fields compiles; two bases and none carry a
// `@ts-expect-error` that tsc must use (an unused one is error TS2578); a webhook payload keeps
// `accepted_at`; a payout with `country` is refused; an open response enum takes an unknown value
// and the event names a webhook create sends stay closed. The three generators run
// at once, then one tsc over all three folders.
const names = Object.keys(generators) as GeneratorName[];
const root = mkdtempSync(join(tmpdir(), 'generators-'));
const brokenRoot = mkdtempSync(join(tmpdir(), 'generators-broken-'));
afterAll(() => [root, brokenRoot].forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const errors = Promise.all(names.map((name) => generate(name, bundledSpec, root))).then(() => compile(root));

describe.each(names)('%s on spec/dist/openapi.json', (name) => {
  it('generates code that compiles with the fixture: one basis accepted, two and none refused, accepted_at kept, open response enums, closed request enums', async () => {
    expect(unexplained(await errors).filter((error) => error.generator === name)).toEqual([]);
  });
});

it('the README lists every accepted error of a generator', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  for (const accepted of acceptedErrors) expect(readme).toContain(`\`${accepted.code}\``);
});

describe('the check can fail', () => {
  it('reports the two-bases lines when the spec forbids nothing in each branch (the rule as it stood, fixed only by our post-processing)', async () => {
    const spec = JSON.parse(readFileSync(bundledSpec, 'utf8'));
    for (const branch of spec.components.schemas.PayoutCreate.oneOf) {
      branch.properties = Object.fromEntries(Object.entries<{ not?: unknown }>(branch.properties).filter(([, schema]) => schema.not === undefined));
    }
    const copy = join(brokenRoot, 'openapi.json');
    writeFileSync(copy, JSON.stringify(spec));
    await generate('openapi-typescript', copy, brokenRoot);
    const fixture = readFileSync(new URL('../generators/fixture.ts', import.meta.url), 'utf8').split('\n');
    const lineOf = (text: string) => fixture.findIndex((line) => line.startsWith(text)) + 1;
    expect(await compile(brokenRoot)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ generator: 'openapi-typescript', file: 'fixture.ts', code: 'TS2578', line: lineOf('export const two:') - 1 }),
        expect.objectContaining({ generator: 'openapi-typescript', file: 'fixture.ts', code: 'TS2578', line: lineOf('export const twoAsBody:') - 1 }),
      ]),
    );
  });
});
