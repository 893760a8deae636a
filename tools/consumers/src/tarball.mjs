// Reads the file list of an npm tarball (gzipped ustar) without unpacking it.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** `[{ path, size }]` of every regular file, paths without npm's `package/` prefix. */
export function tarballFiles(file) {
  return tarballEntries(file).map(({ path, size }) => ({ path, size }));
}

/** Like tarballFiles(), with each file's `content` (a Buffer). */
export function tarballEntries(file) {
  const tar = gunzipSync(readFileSync(file));
  const files = [];
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start, length) => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
    const name = field(0, 100);
    const prefix = field(345, 155);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const path = (prefix ? `${prefix}/${name}` : name).replace(/^package\//, '');
    if (type === '0' || type === '') files.push({ path, size, content: tar.subarray(offset + 512, offset + 512 + size) });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}
