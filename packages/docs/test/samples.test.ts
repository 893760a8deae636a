// The TypeScript samples compile, both as files and as the docs show them, and each one succeeds
// against a started sandbox: operation samples call the operation they document, and each webhook
// receiver accepts the sandbox's signed delivery of its event.
import { createGigapayClient, type GigapayClient, type WebhookEventName } from '@gigapay/client';
import { startSandbox, type ListeningSandbox } from '@gigapay/sandbox';
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Fixtures } from '../samples/fixtures.js';
import { DOCS_DIR, readSpec, SAMPLES_DIR } from '../scripts/docs-spec.mjs';
import { loadTypeScriptSamples, loadWebhookSamples, operationsOf, webhookHandlerName, webhooksOf } from '../scripts/samples.mjs';

const spec = readSpec();
const operations = operationsOf(spec);
const { samples, missing } = loadTypeScriptSamples(spec, SAMPLES_DIR);
const webhookSamples: Map<string, string> = loadWebhookSamples(spec, SAMPLES_DIR);
const events = webhooksOf(spec).map(({ event }) => event as WebhookEventName);
const HOUR = 3_600_000;
// The shown code is written next to the package's node_modules, so '@gigapay/client' resolves.
const SHOWN_DIR = join(DOCS_DIR, 'test-results', 'shown-samples');
const shownWebhookFile = (event: string) => join(SHOWN_DIR, `webhook-${event}.ts`);

it('has a sample file for every operation', () => {
  expect(missing.map((operationId: string) => `samples/${operationId}.ts`)).toEqual([]);
});

// Fresh on every run: tsc and the webhook test must see the samples as they are now.
beforeAll(() => {
  rmSync(SHOWN_DIR, { recursive: true, force: true });
  mkdirSync(SHOWN_DIR, { recursive: true });
  for (const [operationId, sample] of samples) writeFileSync(join(SHOWN_DIR, `${operationId}.ts`), sample.shown);
  for (const [event, source] of webhookSamples) writeFileSync(shownWebhookFile(event), source);
});

it('type-checks the sample files and the code the docs show (tsc)', async () => {
  writeFileSync(
    join(SHOWN_DIR, 'tsconfig.json'),
    JSON.stringify({
      extends: '../../../../tsconfig.base.json',
      compilerOptions: { types: ['node'] },
      include: ['*.ts', '../../samples/*.ts'],
    }),
  );
  const tsc = join(DOCS_DIR, 'node_modules', '.bin', 'tsc');
  const result = await promisify(execFile)(tsc, ['-p', join(SHOWN_DIR, 'tsconfig.json')], { cwd: DOCS_DIR }).catch(
    (error: { stdout: string; stderr: string }) => error,
  );
  expect(result.stdout + result.stderr).toBe('');
  // One tsc program over every sample twice (file and shown): seconds quiet, much longer with both cores busy.
}, 3 * 60_000);

describe('every sample, run against the sandbox', () => {
  let sandbox: ListeningSandbox;
  let receiver: Server;
  let receiverUrl: string;
  const sandboxComplaints: string[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: (message) => sandboxComplaints.push(message) });
    // Fixture webhooks deliver here, so that no sample run sends a notification off this machine.
    receiver = createServer((_request, response) => response.writeHead(204).end());
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/gigapay-webhooks/`;
  });
  afterAll(async () => {
    await sandbox?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });
  beforeEach(() => {
    sandbox.control.reset();
    sandboxComplaints.length = 0;
    vi.spyOn(console, 'log').mockImplementation(() => {});
    return () => vi.restoreAllMocks();
  });

  /** What every sample may work on; see samples/fixtures.ts. */
  async function createFixtures(): Promise<Fixtures> {
    const client = createGigapayClient({ token: sandbox.token, integrationId: sandbox.integrationId, server: sandbox.url, throwOnError: true });
    const { data: integration } = await client.POST('/integrations/', {
      body: { name: 'Fixture AB', email: 'billing@fixture.example', recipient: 'Fixture AB', address_line_1: 'Gatan 1', zip_code: '11129', city: 'Stockholm' },
    });
    const { data: employee } = await client.POST('/employees/', { body: { name: 'Free Employee', email: 'free@fixture.example', country: 'SWE' } });
    // The Payout goes to a second Employee, so that employeeId stays deletable.
    const { data: payee } = await client.POST('/employees/', { body: { name: 'Paid Employee', email: 'paid@fixture.example', country: 'SWE' } });
    const { data: payout } = await client.POST('/payouts/', {
      body: { employee: payee.id, amount: '100.00', currency: 'SEK', description: 'Fixture payout' },
    });
    const { data: webhook } = await client.POST('/webhooks/', { body: { url: receiverUrl, events: ['Payout.created', 'Invoice.created'] } });
    return { integrationId: integration.id, employeeId: employee.id, payoutId: payout.id, invoiceId: payout.invoice, webhookId: webhook.id };
  }

  /** State a sample needs beyond the fixtures, with the rule that asks for it. */
  // Only a notified Payout (its Invoice paid) can be resent, and not within 24 hours of that.
  const notifiedADayAgo = ({ invoiceId }: Fixtures) => {
    sandbox.control.payInvoice(invoiceId);
    sandbox.control.advanceClock(25 * HOUR);
  };
  const PREPARE: Record<string, (fixtures: Fixtures) => void> = {
    resendPayoutNotification: notifiedADayAgo,
    resendPayoutNotificationPut: notifiedADayAgo,
  };

  it.each(operations.map((entry) => [entry.operationId, entry] as const))('%s', async (operationId, { method, path }) => {
    const fixtures = await createFixtures();
    PREPARE[operationId]?.(fixtures);

    const exchanges: { method: string; path: string; status: number }[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = new URL(input instanceof Request ? input.url : String(input));
      exchanges.push({ method: init?.method ?? (input instanceof Request ? input.method : 'GET'), path: url.pathname, status: response.status });
      return response;
    };
    const client: GigapayClient<true> = createGigapayClient({
      token: sandbox.token,
      integrationId: sandbox.integrationId,
      server: sandbox.url,
      throwOnError: true,
      fetch: recordingFetch,
    });

    const { default: run } = await import(`../samples/${operationId}.ts`);
    await run(client, fixtures);

    // It called the operation it documents, and every call it made succeeded.
    const documented = new RegExp(`^/v2${path.replace('{id}', '[^/]+')}$`);
    expect(exchanges.some((exchange) => exchange.method === method.toUpperCase() && documented.test(exchange.path))).toBe(true);
    expect(exchanges.filter((exchange) => exchange.status >= 300)).toEqual([]);
    expect(sandboxComplaints).toEqual([]);
    // Webhook notifications of the run went to the local receiver only.
    const deliveries = await sandbox.control.waitForDeliveries();
    expect(deliveries.filter((delivery) => !delivery.url.startsWith(receiverUrl))).toEqual([]);
  });
});

describe('every webhook receiver, fed the sandbox\'s signed deliveries', () => {
  it(`accepts its event (${events.length} events) and refuses a body with a forged signature`, async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const sandbox = await startSandbox({ port: 0 });
    // One receiver per event, each running the handler the docs show for that event.
    const handlers = new Map<string, (request: Request) => Promise<Response>>();
    for (const event of events) {
      const module = await import(pathToFileURL(shownWebhookFile(event)).href);
      handlers.set(event, module[webhookHandlerName(event)]);
    }
    const answers: { event: string; status: number; body: string }[] = [];
    const receiver = createServer(async (incoming: IncomingMessage, outgoing) => {
      const event = decodeURIComponent(incoming.url!.split('/')[2]!);
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const request = new Request(`http://127.0.0.1${incoming.url}`, {
        method: 'POST',
        headers: incoming.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      });
      const response = await handlers.get(event)!(request);
      const body = await response.text();
      answers.push({ event, status: response.status, body });
      outgoing.writeHead(response.status).end(body);
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    try {
      const client = createGigapayClient({ token: sandbox.token, integrationId: sandbox.integrationId, server: sandbox.url, throwOnError: true });
      // Every event on a URL of its own, as the docs recommend.
      const secret = 'docs-webhook-secret';
      for (const event of events) {
        await client.POST('/webhooks/', {
          body: { url: `${base}/${encodeURIComponent(event)}/`, events: [event], secret_key: secret },
        });
      }
      vi.stubEnv('GIGAPAY_WEBHOOK_SECRET', secret);

      // One lifecycle that emits all nine events.
      const { data: employee } = await client.POST('/employees/', { body: { name: 'Hooked Employee', email: 'hooked@fixture.example', country: 'SWE' } });
      sandbox.control.verifyEmployee(employee.id);
      const { data: payout } = await client.POST('/payouts/', {
        body: { employee: employee.id, amount: '100.00', currency: 'SEK', description: 'Webhook payout' },
      });
      sandbox.control.payInvoice(payout.invoice);
      sandbox.control.acceptPayout(payout.id);
      await sandbox.control.waitForDeliveries();

      const accepted = new Set(answers.filter((answer) => answer.status === 204).map((answer) => answer.event));
      expect([...accepted].sort()).toEqual([...events].sort());
      expect(answers.filter((answer) => answer.status !== 204)).toEqual([]);

      // A wrong secret is refused with the reason the handler names.
      vi.stubEnv('GIGAPAY_WEBHOOK_SECRET', 'not-the-secret');
      const forged = await handlers.get('Payout.accepted')!(
        new Request('http://127.0.0.1/', { method: 'POST', headers: { 'Gigapay-Signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` }, body: '{}' }),
      );
      expect(forged.status).toBe(400);
      expect(await forged.text()).toBe('no_matching_signature');
    } finally {
      vi.unstubAllEnvs();
      vi.restoreAllMocks();
      await sandbox.close();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
