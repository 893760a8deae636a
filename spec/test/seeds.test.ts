// Every JSON body of the Gigapay docs (test/seeds/) is a named example of the spec, unchanged but
// for repaired JSON syntax, and validates against the schema of each place that uses it.
import { describe, expect, it } from 'vitest';
import { check, examplesWithSchemas } from './bundled';
import { seedBodies } from './seed-bodies';

const { bodies, unparsable } = seedBodies();
const uses = [...examplesWithSchemas()];
const distinct = [...new Map(bodies.map((b) => [JSON.stringify(b.value), b])).values()];

describe('the bodies of the Gigapay docs', () => {
  it('all parse once their JSON syntax is repaired', () => {
    expect(unparsable).toEqual([]);
    expect(distinct.length).toBeGreaterThanOrEqual(30);
  });

  it.each(distinct.map((b) => [`${b.seed}:${b.line}`, b] as const))('%s is a named example, unchanged, valid where it is used', (_, body) => {
    const matches = uses.filter((use) => JSON.stringify(use.value) === JSON.stringify(body.value));
    expect(matches.map((m) => m.name), `no example holds this body unchanged:\n${body.text}`).not.toEqual([]);
    for (const use of matches) {
      const { valid, problems } = check(use.schema, use.value);
      expect(valid, `${use.where} ${use.name}: ${problems}`).toBe(true);
    }
  });

  it('count', () => {
    console.log(`seed bodies: ${bodies.length} found, ${distinct.length} distinct, each a valid named example unchanged`);
  });
});
