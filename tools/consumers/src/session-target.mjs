// What a session talks to: the consumer's installed `gigapay-sandbox` bin, run on the session's
// Node, behind a loopback relay that records the User-Agent of every API request and receives the
// sandbox's webhook deliveries (GET <hook URL>received lists what arrived at that URL: raw body and signature).
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest, createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { firstError } from './process.mjs';

const START_TIMEOUT_MS = 30_000;

/** Starts the installed bin of `consumerDir` with `node` first on PATH; resolves once it listens. */
function startSandboxBin(consumerDir, node, credentials) {
  const bin = join(consumerDir, 'node_modules/.bin/gigapay-sandbox');
  const env = { ...process.env, PATH: `${dirname(node)}:${process.env.PATH}` };
  const args = ['--port', '0', '--token', credentials.token, '--integration-id', credentials.integrationId];
  const child = spawn(bin, args, { cwd: consumerDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`not listening after ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const fail = (why) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`step start gigapay-sandbox: ${why}`));
    };
    const onData = (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/v2\/)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      const stop = () =>
        new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
        });
      resolve({ origin: new URL(url).origin, stop, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code) => fail(`exited with ${code}: ${firstError(output)}`));
  });
}

/**
 * Starts the sandbox and its relay for one session. Resolves with the session's target (for
 * CONSUMER_TARGET), the User-Agents seen, and stop().
 */
export async function startSessionTarget(consumerDir, node, tag) {
  const credentials = { token: randomBytes(20).toString('hex'), integrationId: randomUUID() };
  const sandbox = await startSandboxBin(consumerDir, node, credentials);
  const userAgents = [];
  const received = new Map(); // hook path → deliveries, so that sessions sharing a relay stay apart
  const relay = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.url.startsWith('/hook/') && req.method === 'POST') {
        const list = received.get(req.url) ?? [];
        received.set(req.url, [...list, { body: body.toString('utf8'), signature: req.headers['gigapay-signature'] ?? null }]);
        return res.writeHead(204).end();
      }
      if (req.url.startsWith('/hook/') && req.url.endsWith('/received')) {
        const list = received.get(req.url.slice(0, -'received'.length)) ?? [];
        return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list));
      }
      if (req.url.startsWith('/v2/')) userAgents.push(req.headers['user-agent'] ?? null);
      const forward = httpRequest(`${sandbox.origin}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', (error) => res.writeHead(502).end(error.message));
      forward.end(body);
    });
  });
  await new Promise((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${relay.address().port}`;
  return {
    target: { baseUrl: `${origin}/v2/`, hookUrl: `${origin}/hook/`, tag, ...credentials },
    userAgents,
    sandboxOutput: sandbox.output,
    stop: async () => {
      relay.closeAllConnections();
      await new Promise((resolve) => relay.close(resolve));
      await sandbox.stop();
    },
  };
}
