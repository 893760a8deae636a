#!/usr/bin/env node
// Serves the built site on 127.0.0.1: `node scripts/serve.mjs [port]` (default 8080, 0 for any).
// The browser test uses serveDirectory() too, so that it checks the site as this server serves it.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { pipeline } from 'node:stream';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves `root` read-only on host:port; resolves once listening, with the server and its URL. */
export function serveDirectory(root, { port = 8080, host = '127.0.0.1' } = {}) {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    // normalize() folds any `..`; anything that still leaves root is refused.
    let file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    const headers = {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cache-Control': 'no-cache',
    };
    if (request.method === 'HEAD') {
      response.writeHead(200, headers).end();
      return;
    }
    // The status is written once the file is open: out of file descriptors (EMFILE), the answer is
    // still a 503 the browser can retry, not a crash. pipeline() closes the file when the client leaves.
    const stream = createReadStream(file);
    stream.once('open', () => {
      response.writeHead(200, headers);
      pipeline(stream, response, () => undefined);
    });
    stream.once('error', (error) => {
      if (response.headersSent) return;
      const busy = error.code === 'EMFILE' || error.code === 'ENFILE';
      if (!busy) console.error(`docs server: cannot read ${file}: ${error.message}`);
      response
        .writeHead(busy ? 503 : 500, { 'Content-Type': 'text/plain; charset=utf-8', ...(busy ? { 'Retry-After': '1' } : {}) })
        .end(busy ? 'Too many open files: try again in a moment.\n' : 'Could not read the file.\n');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      // A connection the server could not accept (EMFILE) is its client's loss, not the server's end.
      server.on('error', (error) => console.error(`docs server: ${error.message}`));
      const { port: actualPort } = server.address();
      resolve({ server, url: `http://${host}:${actualPort}/`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.error('No dist/index.html yet: run `pnpm --filter @gigapay/docs build` (or `npm start` at the root) first.');
    process.exit(1);
  }
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`usage: node scripts/serve.mjs [port]   (got "${process.argv[2]}")`);
    process.exit(2);
  }
  const { url } = await serveDirectory(dist, { port });
  console.log(`Gigapay API docs on ${url}  (Ctrl+C to stop)`);
}
