/**
 * The four consumers: each one a project of its own in a temporary folder outside the workspace,
 * installed with plain `npm install` from the local registry, type-checked with `tsc --noEmit`,
 * built the way such a project builds, and run as a short session against the installed sandbox.
 * Every failure is one line: `consumer <name>, Node <version>, step <step>: <first error>`.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';
import { firstError, run } from './process.mjs';
import { TYPESCRIPT_7 } from './node-binaries.mjs';
import { snippetSources } from './snippets.mjs';

const require = createRequire(import.meta.url);
const TEMPLATES = fileURLToPath(new URL('../consumers/', import.meta.url));
const TSC = require.resolve('typescript/bin/tsc');
/** Exact versions of what the consumers install besides ours: the workspace's @types/node, and express for a README snippet. */
const THIRD_PARTY = {
  '@types/node': JSON.parse(readFileSync(require.resolve('@types/node/package.json'), 'utf8')).version,
  express: '4.22.2',
  '@types/express': '4.17.25',
};

/** The one line a failure is reported as. */
export class ConsumerFailure extends Error {
  constructor(consumer, nodeVersion, step, detail) {
    super(`consumer ${consumer}, Node ${nodeVersion}, step ${step}: ${detail}`);
    this.name = 'ConsumerFailure';
    this.stack = this.message; // the line says it all; a stack of the harness would not help
  }
}

const THIS_NODE = process.version.slice(1);
const SESSION_TIMEOUT_MS = 90_000;

/**
 * `dependencies`: what the consumer's README line installs. `sessions`: the Node versions its
 * session runs on (all = 20, 22, 24 and 26). `clientSessions`: the session goes through @gigapay/client,
 * so the User-Agent that arrives is the client's.
 */
export const CONSUMERS = {
  esm: {
    type: 'module',
    dependencies: ['@gigapay/client', '@gigapay/openapi'],
    devDependencies: ['@gigapay/sandbox', '@gigapay/types', '@types/node', 'express', '@types/express'],
    // Every ts snippet of the READMEs, compiled with the consumer (see snippets.mjs).
    snippets: true,
    sessions: 'all',
    clientSessions: true,
    async build(dir) {
      await transpile(dir, ['main.ts', 'session.ts'], 'esm', '.js');
      return { entry: 'main.js' };
    },
  },
  cjs: {
    type: 'commonjs',
    dependencies: ['@gigapay/client'],
    devDependencies: ['@gigapay/sandbox', '@gigapay/types', '@types/node'],
    sessions: 'all',
    clientSessions: true,
    async build(dir) {
      await transpile(dir, ['session.ts'], 'cjs', '.js');
      return { entry: 'main.cjs' };
    },
  },
  bundler: {
    type: 'module',
    dependencies: ['@gigapay/client'],
    devDependencies: ['@gigapay/sandbox'],
    sessions: 'this',
    clientSessions: true,
    async build(dir) {
      // A browser app, and an edge function (no Node built-ins, worker conditions).
      const targets = {
        browser: { platform: 'browser' },
        edge: { platform: 'neutral', conditions: ['workerd', 'worker', 'edge-light', 'browser', 'import'], mainFields: ['module', 'main'] },
      };
      for (const [name, options] of Object.entries(targets)) {
        const result = await build({
          absWorkingDir: dir,
          entryPoints: ['app.ts'],
          outfile: `dist/${name}.js`,
          bundle: true,
          format: 'esm',
          target: 'es2022',
          metafile: true,
          logLevel: 'silent',
          ...options,
        });
        const nodeInputs = Object.keys(result.metafile.inputs).filter((input) => /^node:|(^|\/)node_modules\/@types\/node\//.test(input));
        const nodeImports = Object.values(result.metafile.outputs).flatMap((output) => output.imports.map((i) => i.path));
        const offenders = [...nodeInputs, ...nodeImports];
        if (offenders.length) throw new Error(`the ${name} bundle pulls Node built-ins: ${offenders.join(', ')}`);
        const code = readFileSync(join(dir, `dist/${name}.js`), 'utf8');
        if (/\bnode:[a-z]|\brequire\(/.test(code)) throw new Error(`the ${name} bundle mentions node: or require(`);
      }
      writeFileSync(
        join(dir, 'main.mjs'),
        "import { run as browser } from './dist/browser.js';\nimport { run as edge } from './dist/edge.js';\n" +
          "const target = JSON.parse(process.env.CONSUMER_TARGET);\nawait browser({ ...target, tag: `${target.tag}-browser`, hookUrl: `${target.hookUrl}browser/` });\n" +
          "await edge({ ...target, tag: `${target.tag}-edge`, hookUrl: `${target.hookUrl}edge/` });\n",
      );
      return { entry: 'main.mjs' };
    },
  },
  'types-only': {
    type: 'module',
    dependencies: [],
    devDependencies: ['@gigapay/types', '@gigapay/sandbox', '@types/node'],
    sessions: 'this',
    clientSessions: false,
    sharedSession: false,
    async build(dir) {
      const [output] = await transpile(dir, ['main.ts'], 'esm', '.js');
      if (output.includes('@gigapay/')) throw new Error('the compiled program imports @gigapay/* at run time');
      return { entry: 'main.js' };
    },
  },
};

/** Types stripped by esbuild, module syntax kept as written (or turned into `format`). */
export async function transpile(dir, files, format, extension) {
  return Promise.all(
    files.map(async (file) => {
      const source = readFileSync(join(dir, file), 'utf8');
      const { code } = await transform(source, { loader: 'ts', format, target: 'esnext', sourcefile: file });
      writeFileSync(join(dir, file.replace(/\.ts$/, extension)), code);
      return code;
    }),
  );
}

/**
 * Writes consumer `name` into `dir`: its template, the shared session, and a package.json that
 * depends on the published `versions` (name → version).
 */
export function writeConsumer(name, dir, versions) {
  const consumer = CONSUMERS[name];
  mkdirSync(dir, { recursive: true });
  cpSync(join(TEMPLATES, name), dir, { recursive: true });
  if (consumer.snippets) {
    mkdirSync(join(dir, 'snippets'));
    for (const { name: file, content } of snippetSources()) writeFileSync(join(dir, 'snippets', file), content);
  }
  if (consumer.sharedSession !== false) cpSync(join(TEMPLATES, 'shared/session.ts'), join(dir, 'session.ts'));
  const pin = (names) => Object.fromEntries(names.map((n) => [n, THIRD_PARTY[n] ?? versions[n]]));
  const manifest = {
    name: `gigapay-consumer-${name}`,
    private: true,
    type: consumer.type,
    dependencies: pin(consumer.dependencies),
    devDependencies: pin(consumer.devDependencies),
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** `npm install`, as the READMEs tell users. */
export async function installConsumer(name, dir, env) {
  const result = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir, env, timeoutMs: 180_000 });
  if (result.code !== 0) throw new ConsumerFailure(name, THIS_NODE, 'npm install', result.timedOut ? 'timed out' : firstError(result.stderr + result.stdout));
}

/**
 * `tsc --noEmit` with the consumer's own tsconfig.json on the workspace's TypeScript 5.9, then its
 * build (the consumer's own unless `build` is given). Resolves with the build's answer and the
 * seconds tsc took.
 */
export async function checkAndBuild(name, dir, { build = CONSUMERS[name]?.build } = {}) {
  const tscSeconds = await typeCheck(name, dir, [process.execPath, TSC], 'tsc --noEmit');
  try {
    return { ...(await build(dir)), tscSeconds };
  } catch (error) {
    throw new ConsumerFailure(name, THIS_NODE, 'build', firstError(error.message));
  }
}

/**
 * The same `tsc --noEmit` on TypeScript 7 (`typescript7`: the path of its `tsc`, or a promise of
 * it); resolves with the seconds it took.
 */
export async function typeCheckOn7(name, dir, typescript7) {
  const tsc7 = await Promise.resolve(typescript7).catch((error) => {
    throw new ConsumerFailure(name, THIS_NODE, 'fetch TypeScript 7', error.message);
  });
  return typeCheck(name, dir, [tsc7], `tsc ${TYPESCRIPT_7} --noEmit`);
}

/**
 * Runs `command` (a tsc) on the consumer's tsconfig.json and resolves with the seconds it took; a
 * failure names `step` and the first error.
 */
async function typeCheck(name, dir, [command, ...args], step) {
  const started = Date.now();
  const tsc = await run(command, [...args, '-p', dir, '--noEmit'], { cwd: dir, timeoutMs: 120_000 });
  if (tsc.code !== 0) throw new ConsumerFailure(name, THIS_NODE, step, firstError(tsc.stdout + tsc.stderr));
  return (Date.now() - started) / 1000;
}

/** The session's Node versions: this one, or this one and the registry's 22, 24 and 26. */
export function sessionVersions(name, fetched) {
  return CONSUMERS[name].sessions === 'all' ? [THIS_NODE, ...fetched] : [THIS_NODE];
}

/**
 * Runs the consumer's built `entry` on `node` against its installed sandbox; checks the User-Agent
 * that arrived when the session goes through the client (`clientSession`, the consumer's own
 * setting by default). Resolves with the number of API requests and what the program printed.
 */
export async function runSession(name, dir, entry, node, nodeVersion, { clientSession = CONSUMERS[name]?.clientSessions ?? true } = {}) {
  const { startSessionTarget } = await import('./session-target.mjs');
  const fail = (step, detail) => new ConsumerFailure(name, nodeVersion, step, detail);
  let session;
  try {
    session = await startSessionTarget(dir, node, `${name}-${nodeVersion}-${Date.now().toString(36)}`.replace(/[^a-z0-9-]/gi, '-'));
  } catch (error) {
    throw fail('start gigapay-sandbox', error.message.replace(/^step start gigapay-sandbox: /, ''));
  }
  try {
    const env = { ...process.env, CONSUMER_TARGET: JSON.stringify(session.target) };
    const result = await run(node, [entry], { cwd: dir, env, timeoutMs: SESSION_TIMEOUT_MS });
    if (result.code !== 0) {
      const { step, detail } = sessionFailure(`${result.stderr}\n${result.stdout}`);
      throw fail(step, result.timedOut ? `timed out after ${SESSION_TIMEOUT_MS / 1000} s` : detail);
    }
    if (clientSession) {
      const { version } = JSON.parse(readFileSync(join(dir, 'node_modules/@gigapay/client/package.json'), 'utf8'));
      const expected = `@gigapay/client/${version}`;
      const wrong = session.userAgents.filter((agent) => agent !== expected);
      if (!session.userAgents.length || wrong.length) {
        throw fail('session/User-Agent', `expected ${expected} on every request, got ${JSON.stringify([...new Set(session.userAgents)])}`);
      }
    }
    return { requests: session.userAgents.length, stdout: result.stdout };
  } finally {
    await session.stop();
  }
}

/**
 * The failed step of a session's output and its error: the error's own `step <name>: …` line,
 * not the source line Node prints above an uncaught error.
 */
export function sessionFailure(output) {
  const stepLine = /^(?:[\w.]*Error(?: \[\w+\])?: )?step ([^:`$]+): (.*)$/;
  const match = output.split('\n').map((line) => stepLine.exec(line.trim())).find(Boolean);
  return match ? { step: `session/${match[1]}`, detail: match[2] } : { step: 'session', detail: firstError(output) };
}
