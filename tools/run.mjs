#!/usr/bin/env node
// The two quick-start commands. `npm start` and `npm test` call this so that a machine with only
// Node 20 and npm gets the pinned pnpm, the dependencies and (for tests) Chromium on its own.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPlan, missingChromium } from '../packages/docs/scripts/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.34.9';

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

// Each job is a list of pnpm command lines.
const JOBS = {
  // The main job: lint, bundle, generate, build (the docs site included) and type-check
  // everything from the spec, then the quickstart: the guides against an embedded sandbox.
  start: [
    ['exec', 'turbo', 'run', 'build', 'typecheck', '--output-logs=new-only'],
    ['--silent', '--filter', '@gigapay/docs', 'start'],
    ['--silent', '--filter', '@gigapay/examples', 'start'],
  ],
  // Every test, with lint, bundle, generate, build and typecheck as their dependencies.
  test: [['exec', 'turbo', 'run', 'test', '--output-logs=new-only', '--concurrency=1']],
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

function pnpmCommand() {
  try {
    const version = execFileSync('pnpm', ['--version'], { env, encoding: 'utf8' }).trim();
    if (version === PNPM_VERSION) return ['pnpm', []];
  } catch {
    // no global pnpm: fall through to npx
  }
  return ['npx', ['--yes', `pnpm@${PNPM_VERSION}`]];
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

const job = process.argv[2];
if (!(job in JOBS)) {
  console.error(`usage: node tools/run.mjs <${Object.keys(JOBS).join('|')}>`);
  process.exit(2);
}

const [pnpm, pnpmArgs] = pnpmCommand();
const frozen = env.CI ? ['--frozen-lockfile'] : [];
run(pnpm, [...pnpmArgs, 'install', '--prefer-offline', ...frozen]);
if (job === 'test') {
  ensureTestPackages();
  for (const args of JOBS.test) await runCountingTests(pnpm, [...pnpmArgs, ...args]);
} else {
  for (const args of JOBS[job]) run(pnpm, [...pnpmArgs, ...args]);
}
