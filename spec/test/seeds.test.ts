// Every JSON body of the Gigapay docs (test/seeds/) is a named example of the spec, unchanged but
// for repaired JSON syntax, and validates against the schema of each place that uses it: in this
// spec, and in every frozen release's (releases/<version>/openapi.json), so that what 1.0.0
// promised about the seeds stays checked whatever later majors change.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledSpec, specDir } from './bundled';
import { seedBodies } from './seed-bodies';

const { bodies, unparsable } = seedBodies();
const distinct = [...new Map(bodies.map((b) => [JSON.stringify(b.value), b])).values()];

const releasesDir = join(specDir, '..', 'releases');
const released = existsSync(releasesDir) ? readdirSync(releasesDir).filter((name) => existsSync(join(releasesDir, name, 'openapi.json'))) : [];
const documents = [
  { label: 'spec/dist', file: join(specDir, 'dist/openapi.json') },
  ...released.filter((version) => version.startsWith('1.')).map((version) => ({ label: `releases/${version}`, file: join(releasesDir, version, 'openapi.json') })),
];

it('all the bodies of the Gigapay docs parse once their JSON syntax is repaired', () => {
  expect(unparsable).toEqual([]);
  expect(distinct.length).toBeGreaterThanOrEqual(30);
  console.log(`seed bodies: ${bodies.length} found, ${distinct.length} distinct, checked against ${documents.map((d) => d.label).join(', ')}`);
});

it('1.0.0 is frozen, so its seed promise is checked', () => {
  expect(released).toContain('1.0.0');
});

describe.each(documents)('the bodies of the Gigapay docs in $label', ({ file }) => {
  const { check, examplesWithSchemas } = bundledSpec(file);
  const uses = [...examplesWithSchemas()];

  it.each(distinct.map((b) => [`${b.seed}:${b.line}`, b] as const))('%s is a named example, unchanged, valid where it is used', (_, body) => {
    const matches = uses.filter((use) => JSON.stringify(use.value) === JSON.stringify(body.value));
    expect(matches.map((m) => m.name), `no example holds this body unchanged:\n${body.text}`).not.toEqual([]);
    for (const use of matches) {
      const { valid, problems } = check(use.schema, use.value);
      expect(valid, `${use.where} ${use.name}: ${problems}`).toBe(true);
    }
  });
});
