// The TypeScript half of the gate: an API Extractor report (.api.md) of every public entry point,
// committed beside its package in api/, so that a change to what users import shows up in review
// and in the gate. Written by `npm run api:update`; `npm run api:check` fails when one is stale.
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './workspace.mjs';

/**
 * Each public entry point with a TypeScript API (the spec package has none: the spec gate covers it).
 * `specGenerated`: the folder of declarations generated from the spec, whose changes the spec's own
 * classification judges.
 */
export const API_ENTRIES = [
  { name: '@gigapay/types', dir: 'packages/types', entry: 'src/index.d.ts', report: 'types', specGenerated: 'src/generated' },
  { name: '@gigapay/client', dir: 'packages/client', entry: 'dist/index.d.ts', report: 'client' },
  { name: '@gigapay/client', dir: 'packages/client', entry: 'dist/webhooks.d.ts', report: 'client-webhooks', subpath: './webhooks' },
  { name: '@gigapay/sandbox', dir: 'packages/sandbox', entry: 'dist/index.d.ts', report: 'sandbox' },
];

export const reportFile = (entry, root = ROOT) => join(root, entry.dir, 'api', `${entry.report}.api.md`);

/** Runs API Extractor on one entry point and returns the report's text (nothing is written in the repo). */
export function generateReport(entry, root = ROOT) {
  const packageDir = join(root, entry.dir);
  const entryFile = join(packageDir, entry.entry);
  if (!existsSync(entryFile)) throw new Error(`${entry.name}: ${entry.dir}/${entry.entry} is missing: build the packages first (npm run api:update builds them).`);
  const out = mkdtempSync(join(tmpdir(), 'gigapay-api-report-'));
  try {
    const config = ExtractorConfig.prepare({
      configObjectFullPath: join(packageDir, 'api-extractor.json'),
      packageJsonFullPath: join(packageDir, 'package.json'),
      configObject: {
        projectFolder: packageDir,
        mainEntryPointFilePath: entryFile,
        compiler: { overrideTsconfig: { compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], strict: true, skipLibCheck: true, types: [] }, include: [entry.entry] } },
        apiReport: { enabled: true, reportFolder: out, reportTempFolder: out, reportFileName: `${entry.report}.api.md`, includeForgottenExports: true },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        newlineKind: 'lf',
        messages: {
          // The report is what we want; missing release tags and doc-comment style are not the gate's business.
          extractorMessageReporting: { default: { logLevel: 'none' }, 'ae-missing-release-tag': { logLevel: 'none' } },
          tsdocMessageReporting: { default: { logLevel: 'none' } },
          compilerMessageReporting: { default: { logLevel: 'warning' } },
        },
      },
    });
    const messages = [];
    const result = Extractor.invoke(config, {
      localBuild: true,
      showVerboseMessages: false,
      messageCallback: (message) => {
        if (message.logLevel === 'error' || message.logLevel === 'warning') messages.push(message.formatMessageWithLocation(packageDir));
        message.handled = true;
      },
    });
    if (!result.succeeded) throw new Error(`API Extractor failed on ${entry.name} ${entry.entry}:\n${messages.join('\n')}`);
    const text = readFileSync(join(out, `${entry.report}.api.md`), 'utf8');
    return text;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The names the entry's spec-generated files declare (none for an entry without such files). */
export function specGeneratedDeclarations(entry, root = ROOT) {
  if (!entry.specGenerated) return [];
  const dir = join(root, entry.dir, entry.specGenerated);
  const names = new Set();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.d.ts'))) {
    for (const [, name] of readFileSync(join(dir, file), 'utf8').matchAll(/^(?:export )?(?:declare )?(?:interface|type) ([A-Za-z_$][\w$]*)/gm)) names.add(name);
  }
  return [...names].sort();
}

export function readCommittedReport(entry, root = ROOT) {
  const file = reportFile(entry, root);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Writes every report from the built packages of `root`: [{ file, changed }]. */
export function writeReports(root = ROOT) {
  return API_ENTRIES.map((entry) => {
    const text = generateReport(entry, root);
    const changed = readCommittedReport(entry, root) !== text;
    mkdirSync(join(root, entry.dir, 'api'), { recursive: true });
    writeFileSync(reportFile(entry, root), text);
    return { file: reportFile(entry, root), changed };
  });
}

/**
 * Each declaration line of a report under the top-level declaration it belongs to, as
 * "<declaration>\0<line>" (so that the same member line in two interfaces counts twice).
 */
function declarationLines(text) {
  const lines = new Set();
  let declaration = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    // Comments and the report's own frame are not API.
    if (!line.trim() || /^\s*(?:\/\/|\/\*\*|\*|```|## |> )/.test(line)) continue;
    const top = /^(?:export )?(?:declare )?(?:interface|type|function|class|const|let|enum|namespace) ([A-Za-z_$][\w$]*)/.exec(line);
    if (top) declaration = top[1];
    lines.add(`${declaration}\0${line}`);
  }
  return lines;
}

/**
 * What changed between a released report and the current one, from a user's side: a declaration
 * removed or changed breaks code that uses it (major); declarations only added is minor.
 * `removedFrom` names the top-level declaration of each removed line.
 */
export function classifyReportChange(released, current) {
  const before = declarationLines(released);
  const after = declarationLines(current);
  const split = (entry) => ({ declaration: entry.slice(0, entry.indexOf('\0')), line: entry.slice(entry.indexOf('\0') + 1) });
  const removedFrom = [...before].filter((entry) => !after.has(entry)).map(split);
  const added = [...after].filter((entry) => !before.has(entry)).map((entry) => split(entry).line);
  const level = removedFrom.length ? 'major' : added.length ? 'minor' : 'none';
  return { level, removed: removedFrom.map(({ line }) => line), added, removedFrom };
}
