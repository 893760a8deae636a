// `npm run api:check -- --release 1.0.0` on the checkout: the change from the seed-era API (1.x) to
// today's (2.x) is major, and every breaking change of the reference's change table
// (reference/gigapay-v2-current.md §8) is named on its own line of the breaking-change summary.
// Asserted by what each line names, not by its whole wording, so that the spec can still be refined;
// compared with releases/1.0.0 explicitly, so that it still holds once 2.0.0 is the last release.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../src/workspace.mjs';

// §8 item → what its line must say (an item may need several lines, one per operation it touches).
const BREAKING: Array<[item: string, line: RegExp]> = [
  ['X1 POST /integrations/ removed', /^POST \/integrations\/ \(createIntegration\): is gone/],
  ['R1 GET /invoices/ serves the billing Invoice; the list is /payruns/', /^GET \/invoices\/ \(listInvoices\): now serves a different resource: .*`Payrun`.*`GET \/payruns\/ \(listPayruns\)`/],
  ['R2 GET /invoices/{id}/ → /payruns/{id}/', /^GET \/invoices\/\{id\}\/ \(retrieveInvoice\): now serves a different resource: .*`GET \/payruns\/\{id\}\/ \(retrievePayrun\)`/],
  ['R3 PATCH /invoices/{id}/ → /payruns/{id}/', /^PATCH \/invoices\/\{id\}\/ \(updateInvoice\): is gone; it moved to `PATCH \/payruns\/\{id\}\/ \(updatePayrun\)`/],
  ['R4 DELETE /invoices/{id}/ → /payruns/{id}/', /^DELETE \/invoices\/\{id\}\/ \(deleteInvoice\): is gone; it moved to `DELETE \/payruns\/\{id\}\/ \(deletePayrun\)`/],
  ['C1/F3 POST /employees/ needs email', /\bcreateEmployee\b.*request body.*`email`[^(]*now required/],
  ['C2/F3 PUT /employees/{id}/ needs email', /\breplaceEmployee\b.*request body.*`email`[^(]*now required/],
  ['C3/F5 POST /payouts/ refuses country', /\bcreatePayout\b.*request body.*`country`.*(?:no longer accepted|removed)/],
  ['C3/F6 POST /payouts/ refuses full_salary_specification', /\bcreatePayout\b.*request body.*`full_salary_specification`.*(?:no longer accepted|removed)/],
  ['F5 a payout has no country', /\bretrievePayout\b.*response.*`country`.*removed/],
  ['C5 POST /webhooks/ refuses Invoice.created', /\bcreateWebhook\b.*request body.*removed enum value Invoice\.created/],
  ['C5 POST /webhooks/ refuses Invoice.paid', /\bcreateWebhook\b.*request body.*removed enum value Invoice\.paid/],
  ['C6 PATCH /webhooks/{id}/ refuses Invoice.*', /\bupdateWebhook\b.*request body.*removed enum value Invoice\.(?:created|paid)/],
  ['C7 PUT /webhooks/{id}/ refuses Invoice.*', /\breplaceWebhook\b.*request body.*removed enum value Invoice\.(?:created|paid)/],
  ['F14 schema Invoice now means the billing invoice; the old one is Payrun', /^schema `Invoice`: now means a different object; the released `Invoice` is `Payrun`/],
  ['E1 Invoice.created → Payrun.created', /^webhook `Invoice\.created`: renamed `Payrun\.created`/],
  ['E2 Invoice.paid → Payrun.paid', /^webhook `Invoice\.paid`: renamed `Payrun\.paid`/],
  ['G1 the default host is api.gigapay.com', /^servers: the default server is `https:\/\/api\.gigapay\.com\/v2` \(was `https:\/\/api\.gigapay\.se\/v2`\)/],
];

describe('api:check against releases/1.0.0 (the seed-era API)', () => {
  let stdout = '';
  let summary: string[] = [];
  beforeAll(() => {
    // Every line of the comparison with 1.0.0 is over 1 MB, spawnSync's default buffer, which cuts the child off.
    const run = spawnSync(process.execPath, [join(ROOT, 'tools', 'release', 'src', 'api-check.mjs'), '--release', '1.0.0'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    stdout = run.stdout;
    const lines = stdout.split('\n');
    const from = lines.findIndex((line) => line.startsWith('Breaking changes in the spec since the release'));
    summary = lines.slice(from + 1).filter((line, at, rest) => rest.slice(0, at + 1).every((kept) => kept.startsWith('  - '))).map((line) => line.slice(4));
  });

  it('compares with 1.0.0 and calls the change major', () => {
    expect(stdout).toContain('against release 1.0.0 (releases/1.0.0/)');
    expect(stdout).toMatch(/^Needed: major;/m);
    expect(summary.length).toBeGreaterThanOrEqual(BREAKING.length);
  });

  for (const [item, line] of BREAKING) {
    it(`names ${item}`, () => {
      expect(summary.filter((candidate) => line.test(candidate)), summary.join('\n')).not.toHaveLength(0);
    });
  }

  it('names each breaking change once, in words a user reads: no line of the summary says nothing', () => {
    expect(new Set(summary).size).toBe(summary.length);
    expect(summary.join('\n')).not.toMatch(/undefined|\[object Object\]|``/);
  });

  it('says the types’ API report breaks (major) against 1.0.0’s', () => {
    expect(stdout).toMatch(/^API types\.api\.md: .*→ major/m);
  });
});
