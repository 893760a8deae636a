#!/usr/bin/env node
/**
 * Type-check cost of the built client for a strict consumer, measured with
 * `tsc --extendedDiagnostics`: instantiations (deterministic) and times (medians of the runs).
 * With `--against <git ref>`, that ref's client is built in a scratch copy and measured in the
 * same run, fixture by fixture, interleaved, so that the two compare on the same machine load.
 *
 *   node bench/typecheck/run.mjs [--runs 5] [--against main] [--instructions]     (after `pnpm build`: it checks dist/)
 *
 * `--instructions` also counts the instructions one cold `tsc` executes for each fixture, under
 * valgrind (`cachegrind`, single-threaded V8): within about 1 % from run to run and blind to the
 * load of a shared machine, where times are not. It takes about half a minute per fixture.
 */
import { execFileSync, execSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const packageDir = join(here, '../..');
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, against: { type: 'string' }, instructions: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const fixtures = readdirSync(join(here, 'fixtures')).filter((name) => name.endsWith('.ts')).sort();
const scratch = mkdtempSync(join(tmpdir(), 'gigapay-typecheck-'));

/** A copy of the client at `ref`, built against `@gigapay/types` at `ref`, with this checkout's other node_modules and these fixtures. */
function buildAt(ref) {
  const root = join(scratch, 'ref');
  mkdirSync(root);
  const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: packageDir, encoding: 'utf8' }).trim();
  execSync(`git archive ${ref} packages/client packages/types tsconfig.base.json | tar -x -C ${root}`, { cwd: top, stdio: 'inherit' });
  const copy = join(root, 'packages/client');
  mkdirSync(join(copy, 'node_modules/@gigapay'), { recursive: true });
  const modules = join(packageDir, 'node_modules');
  for (const name of readdirSync(modules).filter((name) => name !== '@gigapay')) symlinkSync(join(modules, name), join(copy, 'node_modules', name));
  for (const name of readdirSync(join(modules, '@gigapay'))) {
    const target = name === 'types' ? join(root, 'packages/types') : realpathSync(join(modules, '@gigapay', name));
    symlinkSync(target, join(copy, 'node_modules/@gigapay', name));
  }
  execFileSync(process.execPath, [require.resolve('tsup/dist/cli-default.js'), '--silent'], { cwd: copy, stdio: 'inherit' });
  cpSync(here, join(copy, 'bench/typecheck'), { recursive: true });
  return join(copy, 'bench/typecheck');
}

/** A tsconfig that checks one fixture of `benchDir`. */
function configFor(benchDir, fixture) {
  const config = join(scratch, `${basename(fixture, '.ts')}.json`);
  writeFileSync(config, JSON.stringify({ extends: join(benchDir, 'tsconfig.json'), files: [join(benchDir, 'fixtures', fixture)] }));
  return config;
}

function measure(benchDir, fixture) {
  const config = configFor(benchDir, fixture);
  let output;
  try {
    output = execFileSync(process.execPath, ['--require', join(here, 'cpu-time.cjs'), tsc, '-p', config, '--extendedDiagnostics'], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`${fixture} does not type-check:\n${error.stdout}`);
  }
  const read = (label) => Number(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(output)[1]);
  return { instantiations: read('Instantiations'), check: read('Check time'), total: read('Total time'), cpu: read('CPU time') };
}

/** Instructions executed by one cold `tsc` on the fixture (valgrind must be installed). */
function instructions(benchDir, fixture) {
  const config = configFor(benchDir, fixture);
  const result = spawnSync('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--single-threaded', tsc, '-p', config], { encoding: 'utf8' });
  if (result.error) throw new Error(`--instructions needs valgrind: ${result.error.message}`);
  const found = /I\s+refs:\s+([\d,]+)/.exec(result.stderr);
  if (!found) throw new Error(`valgrind gave no instruction count for ${fixture}:\n${result.stderr.slice(-2000)}`);
  return Number(found[1].replaceAll(',', ''));
}

const median = (list) => list.toSorted((a, b) => a - b)[Math.floor(list.length / 2)];
const subjects = { this: here };
try {
  if (values.against) subjects[values.against] = buildAt(values.against);
  const samples = {};
  // Interleaved, so that a busy moment of a shared machine falls on every fixture alike.
  for (let run = 0; run < runs; run++) {
    for (const fixture of fixtures) {
      for (const [name, dir] of Object.entries(subjects)) (samples[`${name} ${fixture}`] ??= []).push(measure(dir, fixture));
    }
  }
  const counts = {};
  if (values.instructions) {
    for (const fixture of fixtures) for (const [name, dir] of Object.entries(subjects)) counts[`${name} ${fixture}`] = instructions(dir, fixture);
  }
  const row = (name, fixture) => {
    const list = samples[`${name} ${fixture}`];
    const of = (key) => median(list.map((sample) => sample[key]));
    return { instantiations: list[0].instantiations, check: of('check'), total: of('total'), cpu: of('cpu') };
  };
  console.log(`tsc --extendedDiagnostics, median of ${runs} runs, Node ${process.version}\n`);
  console.log('| client | fixture | instantiations | over baseline | check time | total time | × baseline | CPU time | × baseline |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const name of Object.keys(subjects)) {
    const base = row(name, 'import-only.ts');
    for (const fixture of fixtures) {
      const r = row(name, fixture);
      console.log(
        `| ${name} | ${fixture} | ${r.instantiations} | ${r.instantiations - base.instantiations} | ${r.check.toFixed(2)} s | ` +
          `${r.total.toFixed(2)} s | ${(r.total / base.total).toFixed(2)} | ${r.cpu.toFixed(2)} s | ${(r.cpu / base.cpu).toFixed(2)} |`,
      );
    }
  }
  if (values.instructions) {
    console.log('\n| client | fixture | instructions (cold tsc) | × baseline |\n|---|---|---|---|');
    for (const name of Object.keys(subjects)) {
      for (const fixture of fixtures) {
        const count = counts[`${name} ${fixture}`];
        console.log(`| ${name} | ${fixture} | ${(count / 1e9).toFixed(2)} G | ${(count / counts[`${name} import-only.ts`]).toFixed(3)} |`);
      }
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
