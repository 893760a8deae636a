#!/usr/bin/env node
// The one entry point of every root command (`npm start`, `npm test`, `npm run docs`, `api:check`,
// `release:dry`, …: each root script is `node tools/run.mjs <job>`), so that a machine with only
// Node 20 and npm gets the pinned pnpm (the one on PATH when it is that version, else through npx),
// the dependencies and (for tests) Chromium on its own. turbo, which the jobs run, needs the pinned
// pnpm too: `pnpm exec turbo` gives it.
//
//   node tools/run.mjs <job> [args]            args go to the job's last step (see JOBS)
//   node tools/run.mjs --print <job> [args]    prints the resolved command lines, runs nothing
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPlan, missingChromium } from '../packages/docs/scripts/chromium.mjs';
import { pnpmCommand } from './release/src/workspace.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Telemetry off for every tool, whatever the caller's shell says.
const env = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  DO_NOT_TRACK: '1',
  TURBO_TELEMETRY_DISABLED: '1',
  SCARF_ANALYTICS: 'false',
  COREPACK_ENABLE_STRICT: '0',
};

// A step is a pnpm command line or a Node script of the repository (its path from the root).
const pnpmStep = (...args) => ({ pnpm: args });
const nodeStep = (script, ...args) => ({ node: [script, ...args] });
const turbo = (...args) => pnpmStep('exec', 'turbo', 'run', ...args, '--output-logs=errors-only');
// What the release scripts read: the bundled spec, the generated types, the built packages.
const RELEASE_INPUTS = turbo('build', 'generate', '--filter=@gigapay/release^...');
const DOCS_BUILD = turbo('build', '--filter=@gigapay/docs');

/** Splits the arguments at the first `--`: [before, after]. */
const splitAtDashes = (args) => (args.includes('--') ? [args.slice(0, args.indexOf('--')), args.slice(args.indexOf('--') + 1)] : [args, []]);

/**
 * Each job: the steps it runs after `pnpm install`, given the arguments after its name
 * (`npm run <job> -- <args>`); they go to the job's last step unless the job says otherwise.
 */
const JOBS = {
  // The main job: lint, bundle, generate, build (the docs site included) and type-check
  // everything from the spec, then the quickstart: the guides against an embedded sandbox.
  start: () => [
    pnpmStep('exec', 'turbo', 'run', 'build', 'typecheck', '--output-logs=new-only'),
    pnpmStep('--silent', '--filter', '@gigapay/docs', 'start'),
    pnpmStep('--silent', '--filter', '@gigapay/examples', 'start'),
  ],
  // Every test, with lint, bundle, generate, build and typecheck as their dependencies.
  test: () => [pnpmStep('exec', 'turbo', 'run', 'test', '--output-logs=new-only', '--concurrency=1')],
  // The versioned docs site (every release, and the changelog), built and served: [port] (default 8080).
  docs: (args) => [DOCS_BUILD, nodeStep('packages/docs/scripts/versions.mjs', '--serve', ...args)],
  // The same site written to packages/docs/site/ (what docs.yml deploys): [--out <dir>] [--releases <dir>].
  'docs:site': (args) => [DOCS_BUILD, nodeStep('packages/docs/scripts/versions.mjs', ...args)],
  'api:check': (args) => [RELEASE_INPUTS, nodeStep('tools/release/src/api-check.mjs', ...args)],
  'api:update': (args) => [RELEASE_INPUTS, nodeStep('tools/release/src/api-update.mjs', ...args)],
  // [--keep]
  'release:dry': (args) => [RELEASE_INPUTS, nodeStep('tools/release/src/release-dry.mjs', ...args)],
  // The release workflow's two steps (.github/workflows/release.yml).
  'release:version': (args) => [nodeStep('tools/release/src/release-version.mjs', ...args)],
  'release:publish': (args) => [turbo('build'), pnpmStep('exec', 'changeset', 'publish', ...args)],
  changeset: (args) => [pnpmStep('exec', 'changeset', ...args)],
  // StrykerJS in every package that has a `mutation` script. Arguments before a `--` choose the
  // packages (pnpm's `--filter <name>`), the ones after it go to Stryker (`--mutate <file>:<lines>`).
  mutation: (args) => {
    const [selection, stryker] = splitAtDashes(args);
    return [pnpmStep('--recursive', '--if-present', ...selection, 'run', 'mutation', ...stryker)];
  },
};

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * Like run(), but echoes the output while adding up vitest's "Tests  N failed | M passed" lines,
 * and closes with one plain "N passed, N failed" line for the whole run (cached tasks print none).
 */
async function runCountingTests(cmd, args) {
  const tally = { passed: 0, failed: 0 };
  let pending = '';
  const count = (line) => {
    // turbo prefixes each line with "<package>:test:".
    const summary = /^(?:\S+:test:)?\s*Tests\s+(.*)$/.exec(line.replace(/\x1b\[[0-9;]*m/g, ''));
    if (!summary) return;
    tally.passed += Number(/(\d+) passed/.exec(summary[1])?.[1] ?? 0);
    tally.failed += Number(/(\d+) failed/.exec(summary[1])?.[1] ?? 0);
  };
  const child = spawn(cmd, args, { cwd: root, env, stdio: ['inherit', 'pipe', 'inherit'] });
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    lines.forEach(count);
  });
  const status = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  count(pending);
  if (tally.passed + tally.failed > 0) console.log(`\nTests: ${tally.passed} passed, ${tally.failed} failed`);
  if (status !== 0) process.exit(status ?? 1);
}

/**
 * The Debian packages the tests run: Chromium for the docs browser test (by the docs package's own
 * rule: a missing one is installed, as root, or an error; only the opt-out skips) and curl, which
 * runs the Gigapay docs' own curl samples (tools/third-party) and those of our docs (packages/docs).
 */
function ensureTestPackages() {
  const missing = [];
  const plan = chromiumPlan(env);
  if (plan.action === 'skip') console.log(plan.reason);
  if (plan.action === 'error') {
    console.error(plan.reason);
    process.exit(1);
  }
  if (plan.action === 'install') missing.push('chromium');
  if (spawnSync('curl', ['--version'], { stdio: 'ignore' }).error) missing.push('curl');
  if (!missing.length) return;
  if (process.getuid?.() !== 0) {
    console.error(missing.includes('chromium') ? missingChromium(plan.path) : 'curl is missing: run "sudo apt-get install -y curl" once.');
    process.exit(1);
  }
  console.log(`Installing Debian ${missing.join(' and ')} for the tests…`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

/** A step as [command, args], with the pinned pnpm resolved. */
const resolveStep = (step, [pnpm, pnpmArgs]) => (step.pnpm ? [pnpm, [...pnpmArgs, ...step.pnpm]] : [process.execPath, [join(root, step.node[0]), ...step.node.slice(1)]]);

const print = process.argv[2] === '--print';
const [job, ...jobArgs] = process.argv.slice(print ? 3 : 2);
if (!Object.hasOwn(JOBS, job ?? '')) {
  console.error(`usage: node tools/run.mjs [--print] <${Object.keys(JOBS).join('|')}> [args]`);
  process.exit(2);
}

const pnpmCli = pnpmCommand(root);
const frozen = env.CI ? ['--frozen-lockfile'] : [];
const steps = [pnpmStep('install', '--prefer-offline', ...frozen), ...JOBS[job](jobArgs)].map((step) => resolveStep(step, pnpmCli));
if (print) {
  for (const [cmd, args] of steps) console.log(JSON.stringify([cmd, ...args]));
  process.exit(0);
}
const [install, ...rest] = steps;
run(...install);
if (job === 'test') ensureTestPackages();
for (const [cmd, args] of rest) {
  if (job === 'test') await runCountingTests(cmd, args);
  else run(cmd, args);
}
