#!/usr/bin/env node
/**
 * Type-check cost of the built client for a strict consumer, measured with
 * `tsc --extendedDiagnostics`: instantiations (deterministic) and check time (median of the runs,
 * all fixtures measured in the same run so that the ratios compare like with like).
 *
 *   node bench/typecheck/run.mjs [runs=5]     (after `pnpm build`: it checks dist/)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const runs = Number(process.argv[2] ?? 5);
const fixtures = readdirSync(join(here, 'fixtures')).filter((name) => name.endsWith('.ts')).sort();
const scratch = mkdtempSync(join(tmpdir(), 'gigapay-typecheck-'));

function measure(fixture) {
  const config = join(scratch, `${basename(fixture, '.ts')}.json`);
  writeFileSync(config, JSON.stringify({ extends: join(here, 'tsconfig.json'), files: [join(here, 'fixtures', fixture)] }));
  let output;
  try {
    output = execFileSync(process.execPath, [tsc, '-p', config, '--extendedDiagnostics'], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`${fixture} does not type-check:\n${error.stdout}`);
  }
  const read = (label) => Number(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(output)[1]);
  return { instantiations: read('Instantiations'), types: read('Types'), check: read('Check time'), total: read('Total time') };
}

const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];
const samples = Object.fromEntries(fixtures.map((fixture) => [fixture, []]));
try {
  // Interleaved, so that a slow moment of a shared machine falls on every fixture alike.
  for (let run = 0; run < runs; run++) for (const fixture of fixtures) samples[fixture].push(measure(fixture));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const baseline = 'import-only.ts';
const row = (fixture) => {
  const list = samples[fixture];
  return { instantiations: list[0].instantiations, types: list[0].types, check: median(list.map((s) => s.check)), total: median(list.map((s) => s.total)) };
};
const base = row(baseline);
console.log(`tsc --extendedDiagnostics, median of ${runs} runs, Node ${process.version}\n`);
console.log('| fixture | instantiations | over baseline | types | check time | × baseline | total time | × baseline |');
console.log('|---|---|---|---|---|---|---|---|');
for (const fixture of fixtures) {
  const r = row(fixture);
  console.log(
    `| ${fixture} | ${r.instantiations} | ${r.instantiations - base.instantiations} | ${r.types} | ${r.check.toFixed(2)} s | ${(r.check / base.check).toFixed(2)} | ${r.total.toFixed(2)} s | ${(r.total / base.total).toFixed(2)} |`,
  );
}
