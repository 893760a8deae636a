// Where things are, and a throwaway copy of the workspace: the release steps that rewrite files
// (changeset version, the build of the versioned packages) run in a copy, never in the checkout.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The released packages, in dependency order, with where they live. */
export const PUBLIC_PACKAGES = [
  { name: '@gigapay/openapi', dir: 'spec' },
  { name: '@gigapay/types', dir: 'packages/types' },
  { name: '@gigapay/client', dir: 'packages/client' },
  { name: '@gigapay/sandbox', dir: 'packages/sandbox' },
];

/** Folders of the public releases: releases/<version>/ holds what each one froze. */
export const RELEASES_DIR = join(ROOT, 'releases');

export const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** Every workspace package as { name, version, private, dir } (dir relative to the root). */
export function workspacePackages(root = ROOT) {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*package.json'], { cwd: root, encoding: 'utf8' });
  return listed
    .split('\n')
    .filter((file) => file && !file.includes('node_modules/') && !file.includes('/test/'))
    .map((file) => ({ file, manifest: readJson(join(root, file)) }))
    .filter(({ file, manifest }) => file !== 'package.json' && manifest.name)
    .map(({ file, manifest }) => ({ name: manifest.name, version: manifest.version, private: manifest.private === true, dir: dirname(file) }));
}

/**
 * Copies the checkout as it stands (tracked and new files, uncommitted edits included; nothing
 * git ignores) to a new temporary folder, commits it in a git repository of its own (changesets reads
 * git), and returns its path.
 */
export function copyWorkspace(root = ROOT, prefix = 'gigapay-release-') {
  const copy = mkdtempSync(join(tmpdir(), prefix));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    try {
      cpSync(join(root, file), join(copy, file));
    } catch (error) {
      // A file deleted in the work tree but still in the index is simply not part of the copy.
      if (error.code !== 'ENOENT') throw error;
    }
  }
  const git = (...args) => execFileSync('git', args, { cwd: copy, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=release', '-c', 'user.email=release@localhost', 'commit', '-q', '--no-verify', '-m', 'workspace copy');
  return copy;
}

/** The pinned pnpm as [command, args]: the one on PATH when it is that version, else through npx. */
export function pnpmCommand(root = ROOT) {
  const wanted = readJson(join(root, 'package.json')).packageManager.split('@')[1];
  try {
    if (execFileSync('pnpm', ['--version'], { encoding: 'utf8' }).trim() === wanted) return ['pnpm', []];
  } catch {
    // no pnpm on PATH
  }
  return ['npx', ['--yes', `pnpm@${wanted}`]];
}
