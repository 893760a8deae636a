// The site's own pages (pages/*.md): each sample block is the code of its file in samples/, every
// shown block type-checks, and every sample runs: the client samples against the sandbox, the
// webhook receivers started on port 0 and fed the sandbox's signed deliveries (and refusing a
// forged one). The build renders each page and links it from the overview.
import { createGigapayClient, payrunOf, type GigapayClient } from '@gigapay/client';
import { signWebhookPayload } from '@gigapay/client/webhooks';
import { startSandbox, type ListeningSandbox } from '@gigapay/sandbox';
import { serve } from '@hono/node-server';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Fixtures } from '../samples/fixtures.js';
import { buildDocsSpec, DIST_DIR, DOCS_DIR, readSpec, SAMPLES_DIR } from '../scripts/docs-spec.mjs';
import { fileBlocksOf, PAGES_DIR, readPages, REPO_ROOT, refreshSampleBlocks, renderPage, sampleBlocksOf } from '../scripts/pages.mjs';
import { exampleIdsOf } from '../scripts/samples.mjs';

const spec = readSpec();
const exampleIds = exampleIdsOf(spec);
const pages = readPages(PAGES_DIR);
const client = pages.find((page) => page.slug === 'client')!;
const SHOWN_DIR = join(DOCS_DIR, 'test-results', 'shown-pages');
const SECRET = 'docs-pages-webhook-secret';

describe('the pages as written', () => {
  it('include the TypeScript client page', () => {
    expect(pages.map((page) => page.slug)).toContain('client');
    expect(client.title).toBe('TypeScript client');
  });

  it('show in each sample block and file block the code of its file (pnpm --filter @gigapay/docs pages refreshes them)', () => {
    for (const page of pages) expect(page.markdown, `${page.file} is stale: run pnpm --filter @gigapay/docs pages`).toBe(refreshSampleBlocks(page.markdown, SAMPLES_DIR, exampleIds));
  });

  it('show every file of samples/client/, each once', () => {
    const shown = pages.flatMap((page) => sampleBlocksOf(page.markdown).map((block: { file: string }) => block.file));
    const files = readdirSync(join(SAMPLES_DIR, 'client')).map((name) => `client/${name}`);
    expect(shown.filter((file) => file.startsWith('client/')).sort()).toEqual(files.sort());
  });

  it('include the migration guide, showing both sides of every pair of the consumer suite (before, then after), each once', () => {
    const guide = pages.find((page) => page.slug === 'migrating-to-2.0');
    expect(guide?.title).toBe('Migrating from 1.x to 2.0');
    // The consumer suite compiles each pair: before.ts against 1.0.0, after.ts against this version.
    const changesDir = join(REPO_ROOT, 'tools', 'consumers', 'migration', 'changes');
    const pairs = readdirSync(changesDir).flatMap((change) => ['before', 'after'].map((side) => `tools/consumers/migration/changes/${change}/${side}.ts`));
    const shown = fileBlocksOf(guide!.markdown).map((block: { path: string }) => block.path);
    expect([...shown].sort()).toEqual([...pairs].sort());
    // Each pair in order: a before.ts, then the after.ts of the same change.
    expect(shown.filter((_, index) => index % 2 === 1)).toEqual(shown.filter((_, index) => index % 2 === 0).map((path) => path.replace(/\/before\.ts$/, '/after.ts')));
  });

  it('type-check as shown (tsc)', async () => {
    rmSync(SHOWN_DIR, { recursive: true, force: true });
    mkdirSync(SHOWN_DIR, { recursive: true });
    for (const page of pages) {
      sampleBlocksOf(page.markdown).forEach((block: { code: string }, index: number) => writeFileSync(join(SHOWN_DIR, `${page.slug}-${index}.ts`), block.code));
    }
    writeFileSync(join(SHOWN_DIR, 'tsconfig.json'), JSON.stringify({ extends: '../../../../tsconfig.base.json', compilerOptions: { types: ['node'] }, include: ['*.ts'] }));
    const tsc = join(DOCS_DIR, 'node_modules', '.bin', 'tsc');
    const result = await promisify(execFile)(tsc, ['-p', join(SHOWN_DIR, 'tsconfig.json')], { cwd: DOCS_DIR }).catch((error: { stdout: string; stderr: string }) => error);
    expect(result.stdout + result.stderr).toBe('');
  }, 3 * 60_000);
});

describe('the built site', () => {
  it('renders each page to <slug>/index.html, linked from a section of the overview', () => {
    if (!existsSync(join(DIST_DIR, 'index.html'))) throw new Error('dist/ is missing: run `pnpm --filter @gigapay/docs build` first (turbo does it before test).');
    const overview: string = buildDocsSpec(spec).docsSpec.info.description;
    for (const page of pages) {
      expect(readFileSync(join(DIST_DIR, page.slug, 'index.html'), 'utf8'), `dist/${page.slug}/ is stale: rebuild the docs`).toBe(renderPage(page));
      expect(overview).toContain(`# ${page.title}\n\n${page.lede}\n\n[Open the ${page.title} page](${page.slug}/index.html)`);
    }
  });
});

/** console.log's calls during `run`, each as its arguments. */
async function logsOf(run: () => Promise<unknown>): Promise<unknown[][]> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await run();
    return log.mock.calls;
  } finally {
    log.mockRestore();
  }
}

describe('the client samples, run against the sandbox', () => {
  let sandbox: ListeningSandbox;
  /** What the sample sent: method, path, status and Idempotency-Key of each attempt. */
  const exchanges: { method: string; path: string; status: number | 'dropped'; key: string | null }[] = [];
  let gigapay: GigapayClient<true>;
  let fixtures: Fixtures;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(() => sandbox?.close());
  beforeEach(async () => {
    sandbox.control.reset();
    exchanges.length = 0;
    const recordingFetch: typeof fetch = async (input, init) => {
      const exchange = { method: init?.method ?? 'GET', path: new URL(String(input)).pathname, key: new Headers(init?.headers).get('Idempotency-Key') };
      try {
        const response = await fetch(input, init);
        exchanges.push({ ...exchange, status: response.status });
        return response;
      } catch (error) {
        exchanges.push({ ...exchange, status: 'dropped' });
        throw error;
      }
    };
    gigapay = createGigapayClient({ token: sandbox.token, integrationId: sandbox.integrationId, server: sandbox.url, throwOnError: true, fetch: recordingFetch });
    const setup = createGigapayClient({ token: sandbox.token, integrationId: sandbox.integrationId, server: sandbox.url, throwOnError: true });
    const { data: employee } = await setup.POST('/employees/', { body: { name: 'Page Employee', email: 'page@fixture.example', country: 'SWE' } });
    fixtures = { employeeId: employee.id } as Fixtures;
  });

  const sample = async (name: string) => (await import(`../samples/client/${name}.ts`)).default as (client: GigapayClient<true>, fixtures: Fixtures) => Promise<void>;
  const payoutsInSandbox = async () => (await createGigapayClient({ token: sandbox.token, integrationId: sandbox.integrationId, server: sandbox.url, throwOnError: true }).GET('/payouts/')).data.count;
  const dropCreates = (times: number) => sandbox.control.setFaults({ queue: Array(times).fill('drop'), operations: ['createPayout'] });

  it('errors: narrows the 400 of POST /payouts/ with isErrorOf, and a 404 by its class', async () => {
    const run = await sample('errors');
    const logs = await logsOf(() => run(gigapay, fixtures));
    expect(logs).toEqual([
      [400, { amount: [expect.any(String)] }],
      [404, expect.any(String)],
    ]);
    expect(exchanges.map(({ method, status }) => `${method} ${status}`)).toEqual(['POST 400', 'GET 404']);
    expect(await payoutsInSandbox()).toBe(0);
  });

  describe('retries: one payout, whatever is lost on the way', () => {
    const paidOnce = (logs: unknown[][]) => {
      expect(logs).toEqual([['Paid once:', expect.any(String)]]);
      expect(new Set(exchanges.map((exchange) => exchange.key))).toEqual(new Set(['task-4711']));
    };

    it('answered at once', async () => {
      paidOnce(await logsOf(async () => (await sample('retries'))(gigapay, fixtures)));
      expect(exchanges.map((exchange) => exchange.status)).toEqual([201]);
      expect(await payoutsInSandbox()).toBe(1);
    });

    it('the answer lost once: the client retries with the same key, and Gigapay replays its answer', async () => {
      dropCreates(1);
      paidOnce(await logsOf(async () => (await sample('retries'))(gigapay, fixtures)));
      expect(exchanges.map((exchange) => exchange.status)).toEqual(['dropped', 201]);
      expect(await payoutsInSandbox()).toBe(1);
    });

    it('every answer lost: the retries are used up, and sending it again with the same key pays not twice', async () => {
      dropCreates(3);
      paidOnce(await logsOf(async () => (await sample('retries'))(gigapay, fixtures)));
      expect(exchanges.map((exchange) => exchange.status)).toEqual(['dropped', 'dropped', 'dropped', 201]);
      expect(await payoutsInSandbox()).toBe(1);
    });

    it('run again later (a second run of the job): the same payout', async () => {
      const run = await sample('retries');
      const [first, second] = [await logsOf(() => run(gigapay, fixtures)), await logsOf(() => run(gigapay, fixtures))];
      expect(second).toEqual(first);
      expect(await payoutsInSandbox()).toBe(1);
    });
  });

  describe('bulk: every payout reported, none paid twice', () => {
    it('in one request', async () => {
      const logs = await logsOf(async () => (await sample('bulk'))(gigapay, fixtures));
      expect(logs).toEqual([[3, 'payouts created']]);
      expect(exchanges.map(({ method, status }) => `${method} ${status}`)).toEqual(['POST 200']);
      expect(await payoutsInSandbox()).toBe(3);
    });

    it('its request unanswered after every retry: reported failed, and the re-run with the keyPrefix gets the payouts made', async () => {
      dropCreates(3);
      const logs = await logsOf(async () => (await sample('bulk'))(gigapay, fixtures));
      expect(logs.slice(0, 3).map(([index]) => index)).toEqual([0, 1, 2]);
      expect(logs.at(-1)).toEqual([3, 'payouts created']);
      expect(exchanges.map((exchange) => exchange.status)).toEqual(['dropped', 'dropped', 'dropped', 200]);
      expect(new Set(exchanges.map((exchange) => exchange.key)).size).toBe(1);
      expect(await payoutsInSandbox()).toBe(3);
    });
  });

  it('paginate: every payout of the employee, over two pages', async () => {
    const payouts = Array.from({ length: 30 }, (_, index) => ({ employee: fixtures.employeeId, amount: '10.00', currency: 'SEK', description: `Gig ${index}` }));
    await createGigapayClient({ token: sandbox.token, integrationId: sandbox.integrationId, server: sandbox.url, throwOnError: true }).POST('/payouts/', { body: payouts });
    const logs = await logsOf(async () => (await sample('paginate'))(gigapay, fixtures));
    expect(logs.slice(0, -1)).toHaveLength(30);
    expect(new Set(logs.slice(0, -1).map(([, name]) => name))).toEqual(new Set(['Page Employee']));
    expect(logs.at(-1)).toEqual(['Paid in all:', '300.00', 'SEK']);
    expect(exchanges.map(({ method, status }) => `${method} ${status}`)).toEqual(['GET 200', 'GET 200']);
  });
});

describe('the webhook receivers, fed the sandbox\'s signed deliveries', () => {
  /** A started receiver: its URL for one event, and how to stop it. */
  interface Receiver {
    event: 'Employee.verified' | 'Payout.accepted';
    url: string;
    close: () => Promise<void>;
  }
  let sandbox: ListeningSandbox;
  const receivers = new Map<string, Receiver>();
  const addressOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const listening = (server: Server) => new Promise<Server>((resolve) => (server.listening ? resolve(server) : server.once('listening', () => resolve(server))));
  const closing = (server: Server) => () => new Promise<void>((resolve) => server.close(() => resolve()));

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    // The receivers read their secret when they are loaded, as an app does at its start.
    vi.stubEnv('GIGAPAY_WEBHOOK_SECRET', SECRET);
    const { server } = await import('../samples/client/receiver-node-http.js');
    server.listen(0, '127.0.0.1');
    await listening(server);
    receivers.set('node:http', { event: 'Employee.verified', url: `${addressOf(server)}/gigapay/employee-verified`, close: closing(server) });

    const { app: expressApp } = await import('../samples/client/receiver-express.js');
    const expressServer = await listening(expressApp.listen(0, '127.0.0.1'));
    receivers.set('Express', { event: 'Payout.accepted', url: `${addressOf(expressServer)}/gigapay/payout-accepted`, close: closing(expressServer) });

    const { app: honoApp } = await import('../samples/client/receiver-hono.js');
    const honoServer = await listening(serve({ fetch: honoApp.fetch, port: 0, hostname: '127.0.0.1' }) as Server);
    receivers.set('Hono', { event: 'Employee.verified', url: `${addressOf(honoServer)}/gigapay/employee-verified`, close: closing(honoServer) });

    // Next.js hands the route handler a standard Request: so does this stand-in for its server.
    const { POST } = await import('../samples/client/receiver-nextjs.js');
    const nextServer = createServer(async (incoming, outgoing) => {
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const request = new Request(`http://127.0.0.1${incoming.url}`, { method: incoming.method, headers: incoming.headers as Record<string, string>, body: Buffer.concat(chunks) });
      const response = await POST(request);
      outgoing.writeHead(response.status).end(await response.text());
    });
    nextServer.listen(0, '127.0.0.1');
    await listening(nextServer);
    receivers.set('Next.js', { event: 'Payout.accepted', url: `${addressOf(nextServer)}/gigapay/payout-accepted`, close: closing(nextServer) });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    for (const receiver of receivers.values()) await receiver.close();
    await sandbox?.close();
  });
  beforeEach(() => sandbox.control.reset());

  /** Makes the sandbox emit `event` once, and says which object it is about. */
  async function emit(event: Receiver['event']): Promise<string> {
    const gigapay = createGigapayClient({ token: sandbox.token, integrationId: sandbox.integrationId, server: sandbox.url, throwOnError: true });
    const { data: employee } = await gigapay.POST('/employees/', { body: { name: 'Hooked Employee', email: 'hooked@fixture.example', country: 'SWE' } });
    if (event === 'Employee.verified') {
      sandbox.control.verifyEmployee(employee.id);
      return employee.id;
    }
    const { data: payout } = await gigapay.POST('/payouts/', { body: { employee: employee.id, invoiced_amount: '100.00', currency: 'SEK', description: 'Hooked payout' } });
    // Accepted only once its Payrun is paid.
    sandbox.control.payPayrun(payrunOf(payout)!);
    sandbox.control.acceptPayout(payout.id);
    return payout.id;
  }

  it.each(['node:http', 'Express', 'Hono', 'Next.js'])('%s: verifies a real delivery and answers 204; refuses a wrong signature with 400', async (name) => {
    const { event, url } = receivers.get(name)!;
    const gigapay = createGigapayClient({ token: sandbox.token, integrationId: sandbox.integrationId, server: sandbox.url, throwOnError: true });
    const { data: webhook } = await gigapay.POST('/webhooks/', { body: { url, events: [event], secret_key: SECRET } });

    let objectId = '';
    const logs = await logsOf(async () => {
      objectId = await emit(event);
      await sandbox.control.waitForDeliveries();
    });
    const deliveries = sandbox.control.deliveries({ webhookId: webhook.id });
    expect(deliveries.map((delivery) => ({ event: delivery.event, state: delivery.state, statuses: delivery.attempts.map((attempt) => attempt.status) }))).toEqual([
      { event, state: 'delivered', statuses: [204] },
    ]);
    expect(logs).toEqual([[objectId, `${event === 'Payout.accepted' ? 'accepted' : 'verified'} at`, expect.stringMatching(/^\d{4}-\d\d-\d\dT/)]]);

    // The same body, signed with another secret: refused, and nothing logged.
    const body = deliveries[0]!.body;
    const forged = await signWebhookPayload({ payload: body, secret: 'not-the-secret' });
    const refusedLogs = await logsOf(async () => {
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Gigapay-Signature': forged }, body });
      expect([response.status, await response.text()]).toEqual([400, 'no_matching_signature']);
    });
    expect(refusedLogs).toEqual([]);
  });
});
