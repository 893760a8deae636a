import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationChanges } from '../src/migration.mjs';

describe('migrationChanges', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gigapay-migration-pairs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const pair = (change, sides) => {
    mkdirSync(join(dir, 'changes', change), { recursive: true });
    for (const side of sides) writeFileSync(join(dir, 'changes', change, `${side}.ts`), 'export {};\n');
  };

  it('lists the changes that have both sides, by folder name', () => {
    pair('hosts-moved', ['before', 'after']);
    pair('employee-email', ['after', 'before']);
    expect(migrationChanges(dir)).toEqual(['employee-email', 'hosts-moved']);
  });

  it('names every half pair: a side that is missing compiles nothing on the other version', () => {
    pair('payout-country', ['before']);
    pair('invoices-to-payruns', ['after']);
    expect(() => migrationChanges(dir)).toThrow('migration pairs without both sides: changes/invoices-to-payruns/before.ts, changes/payout-country/after.ts missing');
  });
});
