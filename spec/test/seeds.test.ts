// Every JSON body of the Gigapay docs (test/seeds/) is a named example of the spec, unchanged but
// for repaired JSON syntax, and validates against the schema of each place that uses it: in every
// frozen 1.x release (releases/<version>/openapi.json), so that what 1.0.0 promised about the seeds
// stays checked, and in this spec, so that every seed statement today's docs still make holds in
// 2.0. The seed-era bodies today's docs no longer allow are listed, each with its reason, in one
// table: invalid where 2.0 would use them, still valid in 1.0.0.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledSpec, specDir } from './bundled';
import { seedBodies } from './seed-bodies';

const { bodies, unparsable } = seedBodies();
const distinct = [...new Map(bodies.map((b) => [JSON.stringify(b.value), b])).values()];

const releasesDir = join(specDir, '..', 'releases');
const released = existsSync(releasesDir) ? readdirSync(releasesDir).filter((name) => existsSync(join(releasesDir, name, 'openapi.json'))) : [];
const current = bundledSpec(join(specDir, 'dist/openapi.json'));
const seedEra = bundledSpec(join(releasesDir, '1.0.0/openapi.json'));

/** Where a body is used: `<method> <path> request|<status>`, or `webhook <event>`, as `examplesWithSchemas` names it. */
type Place = string;

interface NoLongerAllowed {
  /** The 1.0.0 named example holding the body. */
  example: string;
  place: Place;
  /** The seed body it is, `<seed file>:<line>`, when it comes from the seeds (the others are 1.0.0 examples built from seed-era facts). */
  seed?: string;
  reason: string;
  /** The reference (shared/reference/gigapay-v2-current.md) section that states the change. */
  section: string;
}

const payoutInputs = 'a payout has no `country` (removed 2023-01-02), and `full_salary_specification` is no longer an input (read-only since 2022-03-25, deprecated since)';
const employeeEmail = 'an Employee needs an `email` since 2024-05-02; a cellphone number alone no longer does (the docs\' idempotency and metadata samples still omit it)';
const invoicesPath = '`/invoices/` became `/payruns/` on 2025-07-25 and now serves the billing Invoice, a different object';

/** The seed-era bodies today's docs no longer allow. */
const NO_LONGER_ALLOWED: NoLongerAllowed[] = [
  { example: 'seed002-payout-create-request', place: 'post /payouts/ request', seed: '002_4274dc324194ab24.txt:181', reason: payoutInputs, section: '§8.2 F5, F6; §8.1 C3' },
  { example: 'seed002-payout-bulk-request', place: 'post /payouts/ request', seed: '002_4274dc324194ab24.txt:296', reason: payoutInputs, section: '§8.2 F5, F6; §8.1 C3' },
  { example: 'seed002-payout-inline-request', place: 'post /payouts/ request', seed: '002_4274dc324194ab24.txt:428', reason: payoutInputs, section: '§8.2 F5, F6; §8.1 C3' },
  { example: 'seed003-employee-idempotent-request', place: 'post /employees/ request', seed: '003_cfa69246e4e5f908.txt:795', reason: employeeEmail, section: '§8.2 F3; §8.1 C1; §1.4' },
  { example: 'seed003-employee-with-id-request', place: 'post /employees/ request', seed: '003_cfa69246e4e5f908.txt:843', reason: employeeEmail, section: '§8.2 F3; §8.1 C1; §1.4' },
  { example: 'seed003-employee-metadata-request', place: 'post /employees/ request', seed: '003_cfa69246e4e5f908.txt:892', reason: employeeEmail, section: '§8.2 F3; §8.1 C1; §1.4' },
  { example: 'ref-pricing-request', place: 'post /pricing/ request', reason: 'pricing takes no `country` any more (gone from the docs in 2023; refused here, as request bodies stay exact)', section: '§8.2 F19' },
  { example: 'ref-integration-create-request', place: 'post /integrations/ request', reason: '`POST /integrations/` is gone (removed from the docs 2025-07-17); an Integration comes from an approved Registration', section: '§8.1 X1' },
  { example: 'ref-integration', place: 'post /integrations/ 201', reason: '`POST /integrations/` is gone', section: '§8.1 X1' },
  { example: 'ref-invoice-list', place: 'get /invoices/ 200', reason: `${invoicesPath}: list the payout groups with \`GET /payruns/\``, section: '§8.1 R1; §8.2 F14' },
  { example: 'ref-invoice', place: 'get /invoices/{id}/ 200', reason: `${invoicesPath}: retrieve a payout group with \`GET /payruns/{id}/\``, section: '§8.1 R2; §8.2 F14' },
  { example: 'ref-invoice-update-request', place: 'patch /invoices/{id}/ request', reason: `${invoicesPath}: \`PATCH\` and \`DELETE\` are on \`/payruns/{id}/\``, section: '§8.1 R3, R4' },
  { example: 'ref-invoice-open', place: 'patch /invoices/{id}/ 200', reason: `${invoicesPath}: \`PATCH\` and \`DELETE\` are on \`/payruns/{id}/\``, section: '§8.1 R3, R4' },
  { example: 'ref-invoice-open', place: 'webhook Invoice.created', reason: 'the event is `Payrun.created` since 2025-07-25, with the Payrun as body', section: '§8.4 E1' },
  { example: 'ref-invoice', place: 'webhook Invoice.paid', reason: 'the event is `Payrun.paid` since 2025-07-25, with the Payrun as body', section: '§8.4 E2' },
  { example: 'ref-webhook-replace-request', place: 'put /webhooks/{id}/ request', reason: '`Invoice.created` and `Invoice.paid` are no longer event names you can subscribe to (`Payrun.created`, `Payrun.paid`)', section: '§8.1 C5, C6, C7' },
];

/** The use of an example at a place in a bundled spec, with its schema; undefined when the place (operation, status or event) is gone. */
function useAt(document: ReturnType<typeof bundledSpec>, place: Place) {
  const [kind, where, part] = place.split(' ') as [string, string, string];
  if (kind === 'webhook') return document.spec.webhooks?.[where]?.post?.requestBody?.content?.['application/json']?.schema;
  const operation = document.spec.paths[where]?.[kind];
  if (!operation) return undefined;
  const holder = part === 'request' ? document.deref(operation.requestBody) : document.deref(operation.responses[part]);
  return holder?.content?.['application/json']?.schema;
}

const seedEraUses = [...seedEra.examplesWithSchemas()];
const valueOf = (row: NoLongerAllowed) => seedEraUses.find((use) => use.name === row.example && use.where === row.place)?.value;
const noLongerAllowedValues = new Set(NO_LONGER_ALLOWED.map((row) => JSON.stringify(valueOf(row))));

it('all the bodies of the Gigapay docs parse once their JSON syntax is repaired', () => {
  expect(unparsable).toEqual([]);
  expect(distinct.length).toBeGreaterThanOrEqual(30);
  console.log(`seed bodies: ${bodies.length} found, ${distinct.length} distinct; ${NO_LONGER_ALLOWED.length} seed-era bodies no longer allowed`);
});

it('1.0.0 is frozen, so its seed promise is checked', () => {
  expect(released).toContain('1.0.0');
});

describe.each(released.filter((version) => version.startsWith('1.')))('the bodies of the Gigapay docs in releases/%s', (version) => {
  const { check, examplesWithSchemas } = bundledSpec(join(releasesDir, version, 'openapi.json'));
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

describe('the bodies of the Gigapay docs in spec/dist (2.0): every one today\'s docs still allow', () => {
  const uses = [...current.examplesWithSchemas()];
  const allowed = distinct.filter((body) => !noLongerAllowedValues.has(JSON.stringify(body.value)));

  it.each(allowed.map((b) => [`${b.seed}:${b.line}`, b] as const))('%s is a named example, unchanged, valid where it is used', (_, body) => {
    const matches = uses.filter((use) => JSON.stringify(use.value) === JSON.stringify(body.value));
    expect(matches.map((m) => m.name), `no example holds this body unchanged:\n${body.text}`).not.toEqual([]);
    for (const use of matches) {
      const { valid, problems } = current.check(use.schema, use.value);
      expect(valid, `${use.where} ${use.name}: ${problems}`).toBe(true);
    }
  });
});

describe('the seed-era bodies today\'s docs no longer allow', () => {
  it.each(NO_LONGER_ALLOWED.map((row) => [`${row.example} at ${row.place} (${row.section})`, row] as const))('%s: valid in 1.0.0, refused or gone in 2.0', (_, row) => {
    expect(row.reason.length, 'a reason').toBeGreaterThan(20);
    expect(row.section).toMatch(/^§\d/);
    const value = valueOf(row);
    expect(value, `releases/1.0.0 has no example ${row.example} at ${row.place}`).toBeDefined();
    const before = seedEra.check(useAt(seedEra, row.place)!, value);
    expect(before.valid, `valid in 1.0.0: ${before.problems}`).toBe(true);
    const schema = useAt(current, row.place);
    if (schema) expect(current.check(schema, value).valid, `still allowed in 2.0 at ${row.place}`).toBe(false);
    if (row.seed) {
      const body = distinct.find((b) => `${b.seed}:${b.line}` === row.seed);
      expect(JSON.stringify(body?.value), `${row.seed} is the body of ${row.example}`).toBe(JSON.stringify(value));
    }
  });

  it('lists every 1.0.0 example that 2.0 refuses, or whose place is gone (the errors of a gone operation go with it)', () => {
    const listed = new Set(NO_LONGER_ALLOWED.map((row) => `${row.example} at ${row.place}`));
    const goneOperations = new Set(NO_LONGER_ALLOWED.filter((row) => !useAt(current, row.place)).map((row) => row.place.split(' ').slice(0, 2).join(' ')));
    const unlisted: string[] = [];
    for (const use of seedEraUses.filter((u) => !u.where.startsWith('components.'))) {
      const schema = useAt(current, use.where);
      if (schema && current.check(schema, use.value).valid) continue;
      const [method, path, part] = use.where.split(' ');
      const errorOfGoneOperation = /^[45]/.test(part ?? '') && goneOperations.has(`${method} ${path}`);
      const deleteOfGonePath = method === 'delete' && goneOperations.has(`patch ${path}`);
      if (!listed.has(`${use.name} at ${use.where}`) && !errorOfGoneOperation && !deleteOfGonePath) unlisted.push(`${use.name} at ${use.where}`);
    }
    expect(unlisted).toEqual([]);
  });
});
