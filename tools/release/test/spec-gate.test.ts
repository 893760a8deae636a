// The spec half of the gate on fixtures: each kind of change to a released spec, classified from a
// user's side, and the verdict against the bump the pending changesets declare.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ENTRIES, readCommittedReport, specGeneratedDeclarations } from '../src/api-reports.mjs';
import { verdict } from '../src/gate.mjs';
import { classifySpecChanges, describeChange, LEVELS, requiredLevel } from '../src/spec-diff.mjs';
import { ROOT } from '../src/workspace.mjs';
import { applySpecChanges, gateFixtures, releasedReports } from './gate-fixtures';

type Spec = any;
const released: Spec = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'released-openapi.json'), 'utf8'));
const changed = (mutate: (spec: Spec) => void) => {
  const spec = structuredClone(released);
  mutate(spec);
  return classifySpecChanges(released, spec);
};
const schemas = (spec: Spec) => spec.components.schemas;

const CASES: Array<{ name: string; mutate: (spec: Spec) => void; level: string; shows: RegExp }> = [
  // The five of the issue.
  { name: 'remove an operation', level: 'major', mutate: (s) => delete s.paths['/payouts/{id}/'].delete, shows: /DELETE \/payouts\/\{id\}\/ \(deletePayout\): is gone \(calls to it fail/ },
  { name: 'make an optional request field required', level: 'major', mutate: (s) => schemas(s).PayoutCreate.required.push('description'), shows: /POST \/payouts\/ \(createPayout\) request body: `description` now required \(a request field is now required: requests that leave it out are refused\)/ },
  { name: 'add a value to a response enum', level: 'major', mutate: (s) => schemas(s).Payout.properties.status.enum.push('cancelled'), shows: /GET \/payouts\/ \(listPayouts\) response 200 field `\[\]\.status`: added enum value cancelled \(a response value the released types reject/ },
  { name: 'add an optional request field', level: 'minor', mutate: (s) => (schemas(s).PayoutCreate.properties.currency = { type: 'string' }), shows: /POST \/payouts\/ \(createPayout\) request body field `currency`: added field `currency`/ },
  { name: 'change a description', level: 'patch', mutate: (s) => (schemas(s).PayoutCreate.properties.description.description = 'Shown to the employee on the payslip.'), shows: /request body field `description`: changed description: .* \(documentation only\)/ },
  // And the rest of what a user feels.
  { name: 'change an example', level: 'patch', mutate: (s) => (schemas(s).PayoutCreate.properties.amount.examples = ['250.00']), shows: /documentation only/ },
  { name: 'remove a response field', level: 'major', mutate: (s) => delete schemas(s).Payout.properties.description, shows: /removed field `description` \(a response field users read is gone/ },
  { name: 'narrow a request type', level: 'major', mutate: (s) => (schemas(s).PayoutCreate.properties.amount.maxLength = 12), shows: /request body field `amount`: added `maxLength: 12` \(the request accepts less than before/ },
  { name: 'drop a request enum value', level: 'major', mutate: (s) => schemas(s).PayoutCreate.properties.kind.enum.pop(), shows: /removed enum value expense \(a request value accepted before is refused now\)/ },
  { name: 'widen a request enum', level: 'minor', mutate: (s) => schemas(s).PayoutCreate.properties.kind.enum.push('bonus'), shows: /added enum value bonus/ },
  { name: 'change a status', level: 'major', mutate: (s) => { const r = s.paths['/payouts/'].post.responses; r[200] = r[201]; delete r[201]; }, shows: /response 201: status 201 removed \(a status users handle is no longer sent/ },
  { name: 'make a response field optional', level: 'major', mutate: (s) => schemas(s).Payout.required.pop(), shows: /`status` no longer required \(a response field that was always present may now be missing\)/ },
  { name: 'add an operation', level: 'minor', mutate: (s) => (s.paths['/pricing/'] = { get: { operationId: 'listPricing', responses: { 200: { description: 'ok' } } } }), shows: /GET \/pricing\/ \(listPricing\): operation added \(a new operation\)/ },
  { name: 'add a value to a webhook payload enum', level: 'major', mutate: (s) => schemas(s).Payout.properties.status.enum.push('paid'), shows: /webhook Payout\.accepted payload field `status`: added enum value paid/ },
];

describe('classifying a spec change from a user’s side', () => {
  for (const { name, mutate, level, shows } of CASES) {
    it(`${name} → ${level}`, () => {
      const changes = changed(mutate);
      expect(changes.length).toBeGreaterThan(0);
      expect(requiredLevel(changes)).toBe(level);
      expect(changes.map(describeChange).join('\n')).toMatch(shows);
    });
  }

  it('no change → nothing needed', () => {
    expect(classifySpecChanges(released, structuredClone(released))).toEqual([]);
  });
});

describe('on the real bundled spec', () => {
  const spec: Spec = JSON.parse(readFileSync(join(ROOT, 'spec', 'dist', 'openapi.json'), 'utf8'));
  const withChange = (mutate: (copy: Spec) => void) => {
    const copy = structuredClone(spec);
    mutate(copy);
    return classifySpecChanges(spec, copy);
  };
  const firstOperation = () => {
    const [path, item] = Object.entries<any>(spec.paths)[0]!;
    const method = ['get', 'post', 'put', 'patch', 'delete'].find((candidate) => item[candidate])!;
    return { path, method, operationId: item[method].operationId as string };
  };

  it('a removed operation is major, named by its method, path and operationId', () => {
    const { path, method, operationId } = firstOperation();
    const changes = withChange((copy) => delete copy.paths[path][method]);
    expect(requiredLevel(changes)).toBe('major');
    expect(changes[0]).toMatchObject({ subject: `${method.toUpperCase()} ${path} (${operationId})`, change: 'is gone' });
    // Said once: the removal is not repeated by the field-by-field diff.
    expect(changes.filter((change) => change.subject === changes[0]!.subject && !change.place)).toHaveLength(1);
  });

  it('a new optional query parameter is minor; the overview’s wording is a patch', () => {
    const { path, method } = firstOperation();
    const added = withChange((copy) => (copy.paths[path][method].parameters ??= []).push({ name: 'gate_probe', in: 'query', schema: { type: 'string' } }));
    expect(requiredLevel(added)).toBe('minor');
    expect(requiredLevel(withChange((copy) => (copy.info.description += '\n\nOne more sentence.')))).toBe('patch');
  });
});

describe('the verdict', () => {
  const major = changed((s) => delete s.paths['/payouts/{id}/'].delete);
  const minor = changed((s) => (schemas(s).PayoutCreate.properties.currency = { type: 'string' }));
  const patch = changed((s) => (schemas(s).PayoutCreate.properties.description.description = 'New words.'));

  it('fails a breaking change without a major changeset, naming the change and why it breaks', () => {
    const result = verdict({ specChanges: major, reports: [], declared: 'minor' });
    expect(result.ok).toBe(false);
    expect(result.failures.join('\n')).toMatch(/need a major changeset, and the pending changesets declare minor/);
    expect(result.failures.join('\n')).toMatch(/DELETE \/payouts\/\{id\}\/ \(deletePayout\): is gone \(calls to it fail/);
    expect(verdict({ specChanges: major, reports: [], declared: 'major' }).ok).toBe(true);
  });

  it('an additive change needs at least a minor, words only a patch', () => {
    expect(verdict({ specChanges: minor, reports: [], declared: 'patch' }).ok).toBe(false);
    expect(verdict({ specChanges: minor, reports: [], declared: 'minor' }).ok).toBe(true);
    expect(verdict({ specChanges: minor, reports: [], declared: 'major' }).ok).toBe(true);
    expect(verdict({ specChanges: patch, reports: [], declared: 'none' }).failures.join('\n')).toMatch(/need a patch changeset, and the pending changesets declare no bump/);
    expect(verdict({ specChanges: patch, reports: [], declared: 'patch' }).ok).toBe(true);
    expect(verdict({ specChanges: [], reports: [], declared: 'none' }).ok).toBe(true);
  });
});

describe('the gate fixtures (fixtures/gate/*.json), against the real bundled spec and API reports', () => {
  const spec: Spec = JSON.parse(readFileSync(join(ROOT, 'spec', 'dist', 'openapi.json'), 'utf8'));
  for (const fixture of gateFixtures()) {
    it(`${fixture.name}: needs a ${fixture.level}, and says why`, () => {
      const specChanges = classifySpecChanges(spec, applySpecChanges(spec, fixture.spec));
      const released = releasedReports(fixture);
      const reports = API_ENTRIES.map((entry) => {
        const current = readCommittedReport(entry)!;
        return { name: entry.name, report: entry.report, committed: current, generated: current, released: released[entry.report], specGenerated: specGeneratedDeclarations(entry) };
      });
      const below = LEVELS[LEVELS.indexOf(fixture.level) - 1]!;
      const short = verdict({ specChanges, reports, declared: below });
      expect(short.required, short.lines.join('\n')).toBe(fixture.level);
      expect(short.ok).toBe(false);
      expect(short.failures.join('\n')).toContain(fixture.shows);
      expect(verdict({ specChanges, reports, declared: fixture.level }).ok).toBe(true);
      // Every message names real things.
      expect([...short.lines, ...short.failures].join('\n')).not.toMatch(/undefined|\[object Object\]/);
    });
  }
});
