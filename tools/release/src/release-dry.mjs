#!/usr/bin/env node
// `npm run release:dry`: the whole release, locally, without touching this checkout: in a temporary
// copy of the workspace it runs the release workflow's version step (changeset version, build, API
// reports, releases/<version>/), packs and publishes the public packages to the consumer suite's
// local Verdaccio (tools/consumers/src/registry.mjs), installs the published versions with plain npm
// in a new project outside the workspace, runs them there, and prints what was published.
//
//   npm run release:dry [-- --keep]     (--keep leaves the copy and the consumer for a look)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { copyWorkspace, pnpmCommand, PUBLIC_PACKAGES, readJson, ROOT } from './workspace.mjs';

const { values: options } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const step = (text) => console.log(`[${elapsed().padStart(7)}] ${text}`);
const gitStatus = () => execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' });
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

// What the consumer runs: the installed packages, used as a user would.
const CONSUMER_SCRIPT = `import { createRequire } from 'node:module';
import { readFileSync, existsSync } from 'node:fs';
import { createGigapayClient } from '@gigapay/client';
import { startSandbox } from '@gigapay/sandbox';
const require = createRequire(import.meta.url);
const spec = require('@gigapay/openapi/openapi.json');
const installed = Object.fromEntries(${JSON.stringify(PUBLIC_PACKAGES.map(({ name }) => name))}.map((name) => {
  const dir = 'node_modules/' + name;
  return [name, { version: JSON.parse(readFileSync(dir + '/package.json', 'utf8')).version, changelog: existsSync(dir + '/CHANGELOG.md') }];
}));
const sandbox = await startSandbox({ port: 0 });
try {
  const client = createGigapayClient({ token: sandbox.token, integrationId: sandbox.integrationId, server: sandbox.url });
  const { data, response } = await client.GET('/employees/');
  const operations = Object.values(spec.paths).flatMap((item) => Object.keys(item).filter((key) => ['get', 'put', 'post', 'patch', 'delete'].includes(key)));
  console.log(JSON.stringify({ installed, listEmployees: response.status, employees: data?.results?.length, specOperations: operations.length }));
} finally {
  await sandbox.close();
}
`;

const before = gitStatus();
const copy = copyWorkspace(ROOT, 'gigapay-release-dry-');
const consumer = mkdtempSync(join(tmpdir(), 'gigapay-release-consumer-'));
let registry;
try {
  step(`copied the workspace to ${copy}`);
  const [pnpm, pnpmArgs] = pnpmCommand(ROOT);
  execFileSync(pnpm, [...pnpmArgs, 'install', '--prefer-offline', '--frozen-lockfile', '--reporter=silent'], { cwd: copy, stdio: 'inherit' });
  step('installed its dependencies (pnpm install --frozen-lockfile)');

  // The release workflow's version step, as the "Version Packages" pull request would carry it.
  const versionOutput = execFileSync(process.execPath, [join(copy, 'tools', 'release', 'src', 'release-version.mjs')], { cwd: copy, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const version = readJson(join(copy, 'spec', 'package.json')).version;
  step(`versioned (changeset version) and built: ${version}`);
  for (const line of versionOutput.trim().split('\n')) console.log(`           ${line}`);

  // The consumer suite's registry and publishing, loaded from the copy so that it packs the copy.
  const { startRegistry, publishPackages, npmEnvironment } = await import(pathToFileURL(join(copy, 'tools', 'consumers', 'src', 'registry.mjs')).href);
  registry = await startRegistry();
  step(`started Verdaccio on ${registry.url}`);
  const published = await publishPackages(registry.url, { ignoreScripts: true });
  step(`packed and published ${published.length} packages`);
  // The tags `changeset publish` pushes after publishing: `changeset tag` makes the same ones.
  execFileSync(process.execPath, [join(ROOT, 'node_modules', '@changesets', 'cli', 'bin.js'), 'tag'], { cwd: copy, stdio: 'ignore' });
  const tags = new Set(execFileSync('git', ['tag', '--list'], { cwd: copy, encoding: 'utf8' }).split('\n').filter(Boolean));
  step(`tagged the copy (changeset tag): ${[...tags].join(' ')}`);

  // A user's project: plain npm, the published versions, from the local registry only.
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'release-dry-consumer', private: true, type: 'module' }, null, 2));
  writeFileSync(join(consumer, 'main.mjs'), CONSUMER_SCRIPT);
  const specs = published.map(({ name, version: v }) => `${name}@${v}`);
  execFileSync('npm', ['install', '--no-package-lock', ...specs], { cwd: consumer, env: npmEnvironment(registry.url, { cacheDir: join(consumer, '.npm-cache') }), stdio: ['ignore', 'ignore', 'inherit'] });
  step(`installed ${specs.join(' ')} from it in ${consumer}`);
  const ran = JSON.parse(execFileSync(process.execPath, ['main.mjs'], { cwd: consumer, encoding: 'utf8' }).trim().split('\n').at(-1));
  step(`ran the consumer: GET /employees/ → ${ran.listEmployees} on the installed sandbox, the installed spec has ${ran.specOperations} operations`);

  console.log(`\nPublished to ${registry.url} (release ${version}):`);
  console.log(`  ${'package'.padEnd(18)} ${'version'.padEnd(8)} ${'packed'.padStart(9)} ${'unpacked'.padStart(9)}  files  CHANGELOG.md  installed  tag`);
  for (const pkg of published) {
    const changelog = pkg.files.some((file) => file.path === 'CHANGELOG.md');
    const installed = ran.installed[pkg.name];
    console.log(
      `  ${pkg.name.padEnd(18)} ${pkg.version.padEnd(8)} ${kB(pkg.packedSize).padStart(9)} ${kB(pkg.unpackedSize).padStart(9)}  ${String(pkg.files.length).padStart(5)}  ${(changelog ? 'yes' : 'NO').padEnd(12)}  ${(installed?.version ?? '-').padEnd(9)}  ${tags.has(`${pkg.name}@${pkg.version}`) ? `${pkg.name}@${pkg.version}` : 'NONE'}`,
    );
  }
  const frozen = join(copy, 'releases', version);
  console.log(`  frozen for the gate and the docs: releases/${version}/openapi.json${existsSync(join(frozen, 'api')) ? ', api/*.api.md' : ''}${existsSync(join(frozen, 'docs')) ? ', docs/*.md' : ''}`);
  const problems = [
    ...published.filter((pkg) => pkg.version !== version).map((pkg) => `${pkg.name} was published as ${pkg.version}, not ${version}`),
    ...published.filter((pkg) => !tags.has(`${pkg.name}@${pkg.version}`)).map((pkg) => `${pkg.name}: no tag ${pkg.name}@${pkg.version}`),
    ...[...tags].filter((tag) => !published.some((pkg) => tag === `${pkg.name}@${pkg.version}`)).map((tag) => `a tag for an unpublished package: ${tag}`),
    ...published.filter((pkg) => !pkg.files.some((file) => file.path === 'CHANGELOG.md')).map((pkg) => `${pkg.name}: the tarball has no CHANGELOG.md`),
    ...published.filter((pkg) => ran.installed[pkg.name]?.version !== version).map((pkg) => `${pkg.name}: the consumer got ${ran.installed[pkg.name]?.version}`),
    ...(ran.listEmployees === 200 ? [] : [`the consumer's GET /employees/ answered ${ran.listEmployees}`]),
    ...(gitStatus() === before ? [] : ['the checkout changed during the dry run']),
  ];
  if (problems.length) {
    for (const problem of problems) console.error(`FAIL ${problem}`);
    process.exitCode = 1;
  } else {
    console.log(`\nrelease:dry passed in ${elapsed()}: the checkout is untouched (git status as before).`);
  }

} finally {
  await registry?.close();
  if (options.keep) console.log(`kept: ${copy} and ${consumer}`);
  else for (const dir of [copy, consumer]) rmSync(dir, { recursive: true, force: true });
}
