// The breaking-change gate's verdict, from what api-check.mjs gathered: the spec's changes since the
// last release, each API report's state, and the bump the pending changesets declare.
import { classifyReportChange } from './api-reports.mjs';
import { describeChange, LEVELS, requiredLevel } from './spec-diff.mjs';

const atLeast = (level, needed) => LEVELS.indexOf(level) >= LEVELS.indexOf(needed);

/**
 * One API report against the release's: its level, a summary line and why.
 * The declarations generated from the spec (@gigapay/types' src/generated/) follow a spec change
 * that shows in the types (minor or more): the spec's classification, which knows requests from
 * responses, decides their bump. Any other removed or changed line, or any change when the spec
 * changed in words only, breaks the TypeScript API on its own: major.
 */
function assessReport(report, specChanges) {
  const { level, removed, added, removedFrom } = classifyReportChange(report.released, report.generated);
  if (level === 'none') return { level, summary: 'unchanged since the release.' };
  const specLevel = requiredLevel(specChanges);
  const governedBySpec = atLeast(specLevel, 'minor') && report.specGenerated?.length > 0;
  const breaking = governedBySpec ? removedFrom.filter(({ declaration }) => !report.specGenerated.includes(declaration)).map(({ line }) => line) : removed;
  const reportLevel = breaking.length ? 'major' : governedBySpec ? specLevel : level;
  const followsSpec = governedBySpec && !breaking.length;
  const why =
    reportLevel === 'major' && breaking.length
      ? `code using the removed or changed declarations no longer compiles: ${breaking.slice(0, 3).map((line) => `\`${line.trim()}\``).join(', ')}${breaking.length > 3 ? ', …' : ''}${governedBySpec ? ' (not from the spec change)' : ''}`
      : followsSpec
        ? 'the types generated from the spec follow its change'
        : 'new exports or members';
  return { level: reportLevel, why, summary: `${removed.length} declaration line(s) removed or changed, ${added.length} added → ${reportLevel}${followsSpec ? ' (as the spec change)' : ''}.` };
}

/** What a report imports from other packages of ours: [{ from, names }] (API Extractor writes one import per name). */
function importsFromOtherPackages(report) {
  const byPackage = new Map();
  for (const [, specifier, from] of report.generated.matchAll(/^import \{ (.+) \} from '(@gigapay\/[^'/]+)[^']*';$/gm)) {
    if (from === report.name) continue;
    const name = specifier.split(' as ')[0].trim();
    byPackage.set(from, [...(byPackage.get(from) ?? []), name]);
  }
  return [...byPackage].map(([from, names]) => ({ from, names }));
}

/**
 * @param {object} input
 * @param {Array} input.specChanges classifySpecChanges(released, current)
 * @param {Array<{ name: string, report: string, released?: string, committed?: string, generated: string, specGenerated?: string[] }>} input.reports
 *   specGenerated: the declarations generated from the spec (specGeneratedDeclarations of the entry)
 * @param {string} input.declared the bump of the pending changesets: none | patch | minor | major
 * @returns {{ ok: boolean, required: string, lines: string[], failures: string[] }}
 */
export function verdict({ specChanges, reports, declared }) {
  const lines = [];
  const failures = [];
  const needs = [...specChanges];

  const breaking = breakingSummary(specChanges);
  if (breaking.length) {
    lines.push(`Breaking changes in the spec since the release (${breaking.length}):`);
    for (const line of breaking) lines.push(`  - ${line}`);
  }
  lines.push(specChanges.length ? `Spec: ${specChanges.length} change(s) since the release:` : 'Spec: no change since the release.');
  for (const change of specChanges) lines.push(`  ${describeChange(change)}`);

  const assessed = [];
  for (const report of reports) {
    const file = `${report.report}.api.md`;
    if (report.committed === undefined) {
      failures.push(`${report.name}: no API report ${file} is committed. Run \`npm run api:update\` and commit it.`);
      continue;
    }
    if (report.committed !== report.generated) {
      failures.push(`${report.name}: its exported API changed, and ${file} does not show it. Run \`npm run api:update\`, review the report's diff, and commit it.`);
    }
    if (report.released === undefined) {
      lines.push(`API ${file}: ${report.committed === report.generated ? 'up to date' : 'stale'} (no release to compare with).`);
      continue;
    }
    assessed.push({ report, file, ...assessReport(report, specChanges) });
  }

  // A report that shows its own lines unchanged can still change: its exports name declarations of
  // another public package (`import { Invoice } from '@gigapay/types'`), and what those mean is in
  // that package's report. Such a report needs at least the bump of the package it imports from.
  const levelOfPackage = (name) => requiredLevel(assessed.filter(({ report }) => report.name === name));
  for (const entry of assessed) {
    const through = importsFromOtherPackages(entry.report)
      .map(({ from, names }) => ({ from, names, level: levelOfPackage(from) }))
      .filter(({ level }) => LEVELS.indexOf(level) > LEVELS.indexOf(entry.level) && atLeast(level, 'minor'));
    if (!through.length) {
      lines.push(`API ${entry.file}: ${entry.summary}`);
      if (entry.level !== 'none') needs.push({ level: entry.level, subject: entry.report.name, place: `(${entry.file})`, change: 'exported API changed', why: entry.why });
      continue;
    }
    const level = requiredLevel(through);
    const uses = through.map(({ from, names }) => `${names.slice(0, 4).map((name) => `\`${name}\``).join(', ')}${names.length > 4 ? ', …' : ''} of ${from}`).join('; ');
    lines.push(`API ${entry.file}: ${entry.summary.replace(/\.$/, '')}, but its exports use ${uses}, whose API changed → ${level} (through ${through.map(({ from }) => from).join(', ')}).`);
    needs.push({ level, subject: entry.report.name, place: `(${entry.file})`, change: 'exported API changed', why: `its exports use ${uses}, whose API changed (${level})` });
  }

  const required = requiredLevel(needs);
  if (!atLeast(declared, required)) {
    const short = needs.filter((change) => !atLeast(declared, change.level));
    failures.push(
      `These changes need a ${required} changeset, and the pending changesets declare ${declared === 'none' ? 'no bump' : declared}:\n` +
        short.map((change) => `  - ${describeChange(change)}`).join('\n') +
        `\n  Add one with \`npm run changeset\` (${required}${required === 'major' ? ', with a migration note for users' : ''}).`,
    );
  }
  lines.push(`Needed: ${required}; declared by the pending changesets: ${declared}.`);
  return { ok: failures.length === 0, required, lines, failures };
}

// The place of a change with what differs between operations taken out: the status, and the page or
// array around a field ("response 200 field `results[].country`" → "response field `country`").
const placeInGeneral = (place) =>
  place
    .replace(/^(?:response \d+|payload)\b/, 'response')
    .replace(/`(?:results)?(?:\[\])?\.?([^`]*)`/, (_, field) => `\`${field}\``)
    .replace(/ field ``| items$/, '');

// An operation by its operationId, an event by its name.
const shortSubject = (subject) => /\(([^)]+)\)$/.exec(subject)?.[1] ?? subject;

/**
 * The breaking changes in a user's words, one line each: the moves (a schema, a path's resource, an
 * event renamed; an operation gone; the servers), then every other major change once, with the
 * operations and events it touches. Changes a move accounts for (`explained`) are not repeated.
 */
export function breakingSummary(changes) {
  const lines = changes.filter((change) => change.level === 'major' && change.headline).map((change) => `${change.subject}: ${change.change} (${change.why})`);
  const groups = new Map();
  for (const change of changes) {
    if (change.level !== 'major' || change.headline || change.explained) continue;
    const place = placeInGeneral(change.place);
    const key = `${place}: ${change.change} (${change.why})`;
    if (!groups.has(key)) groups.set(key, { place, change, subjects: [] });
    const subject = shortSubject(change.subject);
    if (!groups.get(key).subjects.includes(subject)) groups.get(key).subjects.push(subject);
  }
  for (const { place, change, subjects } of groups.values()) {
    lines.push(`${subjects.join(', ')}${place ? ` ${place}` : ''}: ${change.change} (${change.why})`);
  }
  return lines;
}
