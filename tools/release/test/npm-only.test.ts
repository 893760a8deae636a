// Every command the READMEs give works with Node and npm alone: each root script is a job of
// tools/run.mjs, which fetches the pinned pnpm through npx when none is on PATH. Checked with a PATH
// that has everything of this machine's PATH but pnpm (and corepack, which could provide one).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJson, ROOT } from '../src/workspace.mjs';

const PNPM = `pnpm@${readJson(join(ROOT, 'package.json')).packageManager.split('@')[1]}`;
const HIDDEN = new Set(['pnpm', 'pnpx', 'pnpm.cjs', 'pnpx.cjs', 'corepack']);

/** A folder of links to every program on PATH but pnpm; the workspace's node_modules/.bin left out, as in a fresh shell. */
function pathWithoutPnpm(): string {
  const bin = mkdtempSync(join(tmpdir(), 'gigapay-npm-only-'));
  const dirs = (process.env.PATH ?? '').split(':').filter((dir) => dir && !dir.includes('node_modules') && existsSync(dir));
  for (const dir of dirs) {
    for (const name of readdirSync(dir)) {
      if (HIDDEN.has(name) || existsSync(join(bin, name))) continue;
      try {
        if (statSync(join(dir, name)).isFile()) symlinkSync(join(dir, name), join(bin, name));
      } catch {
        // a dangling link on PATH: nothing to run there
      }
    }
  }
  return bin;
}

const bin = pathWithoutPnpm();
afterAll(() => rmSync(bin, { recursive: true, force: true }));
// What a user's shell has: no variables of the pnpm, npm, turbo or vitest that run this test.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_|turbo_|vitest|node_env$|init_cwd$)/i.test(key)));
env.PATH = bin;
const spawn = (command: string, args: string[], timeout = 60_000) => spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8', timeout });

/** Every `npm start`, `npm test` and `npm run <script>` of the READMEs, as script names. */
function readmeCommands(): string[] {
  const files = spawnSync('git', ['ls-files', '*README.md'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  const names = new Set<string>();
  for (const file of files) {
    // `npm run x` fills the first group, `npm start` and `npm test` the second.
    for (const [, script, lifecycle] of readFileSync(join(ROOT, file), 'utf8').matchAll(/\bnpm (?:run ([\w:-]+)|(start|test)\b)/g)) names.add((script ?? lifecycle)!);
  }
  return [...names].sort();
}

/** The command lines `node tools/run.mjs --print <job> [args]` resolves, on the PATH without pnpm. */
function resolved(job: string, ...args: string[]): string[][] {
  const { status, stdout, stderr } = spawn(process.execPath, [join(ROOT, 'tools', 'run.mjs'), '--print', job, ...args]);
  expect(status, stderr).toBe(0);
  return stdout.trim().split('\n').map((line) => JSON.parse(line));
}

describe('with Node and npm alone', () => {
  it('the PATH has node, npm and npx, and no pnpm', () => {
    for (const program of ['node', 'npm', 'npx']) expect(spawn(program, ['--version']).status, program).toBe(0);
    expect(spawn('pnpm', ['--version']).error).toMatchObject({ code: 'ENOENT' });
  });

  const scripts: Record<string, string> = readJson(join(ROOT, 'package.json')).scripts;
  const commands = readmeCommands();

  it('the READMEs name the root commands (docs, api:check, api:update, release:dry, docs:site, mutation among them)', () => {
    expect(commands).toEqual(expect.arrayContaining(['start', 'test', 'docs', 'api:check', 'api:update', 'release:dry', 'docs:site', 'mutation']));
  });

  for (const name of commands) {
    it(`npm ${name === 'start' || name === 'test' ? name : `run ${name}`} is a job of tools/run.mjs: the pinned pnpm through npx, scripts that exist`, () => {
      expect(scripts[name]).toBe(`node tools/run.mjs ${name}`);
      const steps = resolved(name);
      expect(steps[0]).toEqual(['npx', '--yes', PNPM, 'install', '--prefer-offline', ...(env.CI ? ['--frozen-lockfile'] : [])]);
      for (const [command, ...args] of steps) {
        if (command === 'npx') expect(args.slice(0, 2)).toEqual(['--yes', PNPM]);
        else {
          expect(command).toBe(process.execPath);
          expect(existsSync(args[0]!), args[0]).toBe(true);
        }
        // turbo and pnpm only ever through the pinned pnpm: never a bare program from node_modules/.bin.
        expect(command).not.toMatch(/^(pnpm|turbo|changeset|stryker)$/);
      }
    });
  }

  it('the arguments after `--` reach the step they are for', () => {
    expect(resolved('release:dry', '--keep').at(-1)).toEqual([process.execPath, join(ROOT, 'tools', 'release', 'src', 'release-dry.mjs'), '--keep']);
    expect(resolved('docs', '9000').at(-1)).toEqual([process.execPath, join(ROOT, 'packages', 'docs', 'scripts', 'versions.mjs'), '--serve', '9000']);
    expect(resolved('docs:site', '--out', '/tmp/site').at(-1)!.slice(-2)).toEqual(['--out', '/tmp/site']);
    // Before a `--`: which packages (pnpm's selection); after it: Stryker's options.
    expect(resolved('mutation', '--filter', '@gigapay/openapi-validator', '--', '--mutate', 'src/validator.ts:1-20').at(-1)).toEqual([
      'npx', '--yes', PNPM, '--recursive', '--if-present', '--filter', '@gigapay/openapi-validator', 'run', 'mutation', '--mutate', 'src/validator.ts:1-20',
    ]);
  });

  it('npm run api:check passes end to end (install, turbo, the gate)', () => {
    const { status, stdout, stderr } = spawn('npm', ['run', 'api:check'], 300_000);
    expect(status, stdout + stderr).toBe(0);
    expect(stderr + stdout).not.toMatch(/Unable to find package manager binary/);
    expect(stdout).toContain('api:check passed.');
    // The test waits as long as its spawn may run (a hang guard): 34 s quiet, over 120 s while npm test keeps both cores busy.
  }, 300_000);
});
