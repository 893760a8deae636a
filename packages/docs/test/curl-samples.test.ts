// The curl sample of every operation, as the docs show it, run by the real curl binary through a
// shell (so `$GIGAPAY_TOKEN` and `$(uuidgen)` expand as on a reader's machine) against a started
// sandbox. Only the server changes (the demo host becomes the sandbox); the ids stay the spec's
// examples, because the sandbox is seeded with objects that carry them. A sample that lost a
// header the operation needs, such as Integration-ID, gets a 4xx here and fails.
import { createGigapayClient } from '@gigapay/client';
import { startSandbox, type ListeningSandbox } from '@gigapay/sandbox';
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDocsSpec, readSpec } from '../scripts/docs-spec.mjs';
import { fixtureOfPath, operationsOf, SHOWN_SERVER } from '../scripts/samples.mjs';

const { docsSpec, exampleIds } = buildDocsSpec(readSpec()) as { docsSpec: any; exampleIds: Record<'integrationId' | 'employeeId' | 'payoutId' | 'invoiceId' | 'webhookId', string> };
const HOUR = 3_600_000;
/** The Integration-ID header of a sample, with the line break before it. */
const INTEGRATION_ID = / \\\n\s*-H "Integration-ID: \$GIGAPAY_INTEGRATION_ID"/;

/** The curl sample of each operation, exactly as the docs show it. */
const samples = operationsOf(docsSpec).map((entry: { operationId: string; path: string; operation: any }) => ({
  ...entry,
  curl: entry.operation['x-codeSamples'].find((sample: { label: string }) => sample.label === 'curl').source as string,
}));

/** The JSON a sample sends with `-d '…'` (shell-quoted), if any. */
function bodyOf(curl: string): unknown {
  const data = /-d '((?:[^']|'\\'')*)'/.exec(curl);
  return data ? JSON.parse(data[1]!.replaceAll(`'\\''`, "'")) : undefined;
}

const resolve = (node: any): any => (node?.$ref ? resolve(node.$ref.slice(2).split('/').reduce((at: any, key: string) => at[key], docsSpec)) : node);

describe('every curl sample, run against the sandbox', () => {
  let sandbox: ListeningSandbox;
  let tools: string;
  const sandboxComplaints: string[] = [];

  beforeAll(async () => {
    if (spawnSync('curl', ['--version'], { stdio: 'ignore' }).error) throw new Error('curl is missing: install it ("apt-get install -y curl"); npm test does it as root.');
    // The Idempotency-Key line calls uuidgen, which a minimal Linux may lack: a stand-in comes last on PATH.
    tools = mkdtempSync(join(tmpdir(), 'gigapay-curl-samples-'));
    writeFileSync(join(tools, 'uuidgen'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} -e 'console.log(crypto.randomUUID())'\n`);
    chmodSync(join(tools, 'uuidgen'), 0o755);
    sandbox = await startSandbox({ port: 0, log: (message) => sandboxComplaints.push(message) });
  });
  afterAll(async () => {
    await sandbox?.close();
    if (tools) rmSync(tools, { recursive: true, force: true });
  });
  beforeEach(() => {
    sandbox.control.reset();
    sandboxComplaints.length = 0;
  });

  /** Runs a sample in sh with the reader's two variables set; the answer's status and body. */
  async function run(curl: string) {
    const command = `${curl.replaceAll(`${SHOWN_SERVER}/`, sandbox.url).trimEnd()} \\\n  --silent --show-error --max-time 20 --write-out '\\n%{http_code}'`;
    const { stdout } = await promisify(execFile)('sh', ['-c', command], {
      env: { PATH: `${process.env.PATH}${delimiter}${tools}`, GIGAPAY_TOKEN: sandbox.token, GIGAPAY_INTEGRATION_ID: sandbox.integrationId },
      encoding: 'utf8',
    });
    const split = stdout.lastIndexOf('\n');
    return { status: Number(stdout.slice(split + 1)), body: stdout.slice(0, split) };
  }

  /**
   * The objects a sample works on, created under the spec's example ids: the one its path names
   * (with what it needs: a Payout needs an Employee; its Invoice gets the example invoice id), and
   * the Employee its request body pays (createPayout and calculatePricing name one).
   */
  async function seedFor(path: string, curl: string) {
    const client = createGigapayClient({ token: sandbox.token, integrationId: sandbox.integrationId, server: sandbox.url, throwOnError: true });
    const employee = (id: string, email: string) => client.POST('/employees/', { body: { id, name: 'Seeded Employee', email, country: 'SWE' } });
    const paid = (bodyOf(curl) as { employee?: string | number } | undefined)?.employee;
    if (paid !== undefined) await employee(String(paid), 'paid@seed.example');
    const fixture = fixtureOfPath(path);
    if (fixture === 'integrationId') {
      await client.POST('/integrations/', {
        body: { id: exampleIds.integrationId, name: 'Seed AB', email: 'billing@seed.example', recipient: 'Seed AB', address_line_1: 'Gatan 1', zip_code: '11129', city: 'Stockholm' },
      });
    }
    if (fixture === 'employeeId') await employee(exampleIds.employeeId, 'free@seed.example');
    if (fixture === 'payoutId' || fixture === 'invoiceId') {
      await employee('seeded-payee', 'payee@seed.example');
      const { data: payout } = await client.POST('/payouts/', { body: { id: exampleIds.payoutId, employee: 'seeded-payee', amount: '100.00', currency: 'SEK', description: 'Seeded payout' } });
      await client.PATCH('/invoices/{id}/', { params: { path: { id: payout.invoice } }, body: { id: exampleIds.invoiceId } });
      // Only a notified Payout (its Invoice paid) can be resent, and not within 24 hours of that.
      if (/\/resend\/$/.test(path)) {
        sandbox.control.payInvoice(exampleIds.invoiceId);
        sandbox.control.advanceClock(25 * HOUR);
      }
    }
    if (fixture === 'webhookId') await client.POST('/webhooks/', { body: { id: exampleIds.webhookId, url: 'https://example.com/gigapay-webhooks/', events: ['Payout.created'] } });
  }

  it.each(samples.map((sample) => [sample.operationId, sample] as const))('%s', async (_operationId, { path, curl }) => {
    await seedFor(path, curl);
    const answer = await run(curl);
    expect(answer.status, answer.body).toBeGreaterThanOrEqual(200);
    expect(answer.status, answer.body).toBeLessThan(300);
    expect(sandboxComplaints).toEqual([]);
  });

  /** The Integration-ID parameter of an operation, if it takes one. */
  const integrationIdOf = ({ operation, pathItem }: { operation: any; pathItem: any }) =>
    [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map(resolve).find((parameter: any) => parameter.name === 'Integration-ID');
  const requiringIt = samples.filter((sample: any) => integrationIdOf(sample)?.required);

  it('shows Integration-ID on every operation that takes it', () => {
    const showing = samples.filter((sample) => INTEGRATION_ID.test(sample.curl)).map((sample) => sample.operationId);
    expect(showing).toEqual(samples.filter((sample: any) => integrationIdOf(sample)).map((sample) => sample.operationId));
    expect(requiringIt.length).toBeGreaterThan(0);
  });

  it.each(requiringIt.map((sample) => [sample.operationId, sample] as const))('%s without its Integration-ID line is refused', async (_operationId, { path, curl }) => {
    await seedFor(path, curl);
    const answer = await run(curl.replace(INTEGRATION_ID, ''));
    expect(answer.status, answer.body).toBeGreaterThanOrEqual(400);
    expect(answer.status, answer.body).toBeLessThan(500);
  });
});
