// The TypeScript samples compile, both as files and as the docs show them, and each one succeeds
// against a started sandbox, calling the operation it documents.
import { createGigapayClient, type GigapayClient } from '@gigapay/client';
import { startSandbox, type ListeningSandbox } from '@gigapay/sandbox';
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Fixtures } from '../samples/fixtures.js';
import { DOCS_DIR, readSpec, SAMPLES_DIR } from '../scripts/docs-spec.mjs';
import { loadTypeScriptSamples, operationsOf } from '../scripts/samples.mjs';

const spec = readSpec();
const operations = operationsOf(spec);
const { samples, missing } = loadTypeScriptSamples(spec, SAMPLES_DIR);
const HOUR = 3_600_000;

it('has a sample file for every operation', () => {
  expect(missing.map((operationId: string) => `samples/${operationId}.ts`)).toEqual([]);
});

it('type-checks the sample files and the code the docs show (tsc)', async () => {
  // The shown code is written next to the package's node_modules, so '@gigapay/client' resolves.
  const shownDir = join(DOCS_DIR, 'test-results', 'shown-samples');
  rmSync(shownDir, { recursive: true, force: true });
  mkdirSync(shownDir, { recursive: true });
  for (const [operationId, sample] of samples) writeFileSync(join(shownDir, `${operationId}.ts`), sample.shown);
  writeFileSync(
    join(shownDir, 'tsconfig.json'),
    JSON.stringify({
      extends: '../../../../tsconfig.base.json',
      compilerOptions: { types: ['node'] },
      include: ['*.ts', '../../samples/*.ts'],
    }),
  );
  const tsc = join(DOCS_DIR, 'node_modules', '.bin', 'tsc');
  const result = await promisify(execFile)(tsc, ['-p', join(shownDir, 'tsconfig.json')], { cwd: DOCS_DIR }).catch(
    (error: { stdout: string; stderr: string }) => error,
  );
  expect(result.stdout + result.stderr).toBe('');
});

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
  const PREPARE: Record<string, (fixtures: Fixtures) => void> = {
    // Only a notified Payout (its Invoice paid) can be resent, and not within 24 hours of that.
    resendPayoutNotification: ({ invoiceId }) => {
      sandbox.control.payInvoice(invoiceId);
      sandbox.control.advanceClock(25 * HOUR);
    },
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
