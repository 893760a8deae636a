// The gate fixtures (fixtures/gate/*.json): each one a change since a release, the bump it needs and
// the line the gate must print for it. A fixture's `spec` is a list of JSON Patch operations (add,
// replace, remove, and copy or move `from` another place, for a rename) that turn the bundled spec
// (the "release") into the changed one; its
// `releasedReports` are declaration lines the release's API reports had and today's do not.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_ENTRIES, readCommittedReport } from '../src/api-reports.mjs';

export interface GateFixture {
  name: string;
  about: string;
  level: 'patch' | 'minor' | 'major';
  shows: string;
  spec: Array<{ op: 'add' | 'replace' | 'remove' | 'copy' | 'move'; path: string; value?: unknown; from?: string }>;
  releasedReports?: Record<string, string>;
}

const DIR = join(__dirname, 'fixtures', 'gate');

export const gateFixtures = (): GateFixture[] =>
  readdirSync(DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file.replace(/\.json$/, ''), ...JSON.parse(readFileSync(join(DIR, file), 'utf8')) }));

/** The spec with the fixture's operations applied (the input is not changed). */
export function applySpecChanges<T>(spec: T, operations: GateFixture['spec']): T {
  const copy = structuredClone(spec);
  const locate = (path: string) => {
    const keys = path.split('/').slice(1).map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop()!;
    const parent = keys.reduce<any>((node, key) => {
      if (node?.[key] === undefined) throw new Error(`gate fixture: ${path} does not exist in the spec`);
      return node[key];
    }, copy);
    return { parent, last };
  };
  const apply = (op: 'add' | 'replace' | 'remove', path: string, value?: unknown) => {
    const { parent, last } = locate(path);
    if (Array.isArray(parent) && op !== 'replace') {
      if (op === 'remove') parent.splice(Number(last), 1);
      else parent.splice(last === '-' ? parent.length : Number(last), 0, value);
    } else if (op === 'remove') delete parent[last];
    else parent[last] = value;
  };
  for (const { op, path, value, from } of operations) {
    if (op === 'copy' || op === 'move') {
      const source = locate(from!);
      if (source.parent?.[source.last] === undefined) throw new Error(`gate fixture: ${from} does not exist in the spec`);
      const moved = structuredClone(source.parent[source.last]);
      if (op === 'move') apply('remove', from!);
      apply('add', path, moved);
    } else apply(op, path, value);
  }
  return copy;
}

/** The release's text of each API report: today's committed one, plus the lines the fixture says the release had. */
export function releasedReports(fixture: Pick<GateFixture, 'releasedReports'>): Record<string, string> {
  return Object.fromEntries(
    API_ENTRIES.map((entry) => {
      const committed = readCommittedReport(entry)!;
      const extra = fixture.releasedReports?.[entry.report];
      return [entry.report, extra ? committed.replace(/\n```\n*$/, `\n${extra}\n\`\`\`\n`) : committed];
    }),
  );
}
