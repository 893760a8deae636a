#!/usr/bin/env node
// `attw --pack .` without the pack's `prepack` build: `attw --pack` runs `npm pack`, whose prepack
// rebuilds dist/ (tsup cleans it first) while other packages' tests, run beside this one by turbo,
// read it. turbo built dist/ before any test; this packs what it built, with scripts off, and hands
// the tarball to attw. Arguments after the script are passed to attw.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const destination = mkdtempSync(join(tmpdir(), 'attw-packed-'));
try {
  const [{ filename }] = JSON.parse(execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], { encoding: 'utf8' }));
  execFileSync('attw', [join(destination, filename), ...process.argv.slice(2)], { stdio: 'inherit', shell: process.platform === 'win32' });
} catch (error) {
  process.exitCode = typeof error.status === 'number' ? error.status : 1;
  if (typeof error.status !== 'number') console.error(error.message);
} finally {
  rmSync(destination, { recursive: true, force: true });
}
