// The curl sample of every operation and of each of its named request examples, as the docs show
// it, run by the real curl binary through a shell (so `$GIGAPAY_TOKEN` and `$(uuidgen)` expand as on
// a reader's machine) against a started sandbox. Only the server changes (the demo host becomes the
// sandbox), and the example id of an object whose id the API assigns (a Registration, a Message, a
// Prepayment, a billing Invoice, the client's own Integration) becomes the id of the object seeded for
// it; the other ids stay the spec's examples, because the sandbox is seeded with objects that carry
// them. A sample that lost a header the operation needs, such as Integration-ID, gets a 4xx here and
// fails. A sample of a path the sandbox does not route yet is skipped, saying so.
import { createGigapayClient, payrunOf } from '@gigapay/client';
import { startSandbox, type ListeningSandbox } from '@gigapay/sandbox';
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lackingOf, operationsOfSandbox, registrationBody } from './sandbox-support';
import { buildDocsSpec, readSpec } from '../scripts/docs-spec.mjs';
import { fixtureOfPath, operationsOf, SHOWN_SERVER } from '../scripts/samples.mjs';

type Fixture = 'registrationId' | 'integrationId' | 'employeeId' | 'messageId' | 'payoutId' | 'payrunId' | 'invoiceId' | 'prepaymentId' | 'webhookId';
const { docsSpec, exampleIds } = buildDocsSpec(readSpec()) as { docsSpec: any; exampleIds: Record<Fixture, string> };
const HOUR = 3_600_000;
/** The Integration-ID header of a sample, with the line break before it. */
const INTEGRATION_ID = / \\\n\s*-H "Integration-ID: \$GIGAPAY_INTEGRATION_ID"/;

/** The curl samples of each operation (one per named request example, if it has several), exactly as the docs show them. */
const samples = operationsOf(docsSpec).flatMap((entry: { operationId: string; method: string; path: string; operation: any }) =>
  entry.operation['x-codeSamples']
    .filter((sample: { label: string }) => sample.label === 'curl')
    .map((sample: { source: string; 'x-example'?: string }) => ({
      ...entry,
      name: sample['x-example'] ? `${entry.operationId}.${sample['x-example']}` : entry.operationId,
      curl: sample.source,
    })),
);

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
  let has: (path: string, method: string) => boolean;

  beforeAll(async () => {
    if (spawnSync('curl', ['--version'], { stdio: 'ignore' }).error) throw new Error('curl is missing: install it ("apt-get install -y curl"); npm test does it as root.');
    // The Idempotency-Key line calls uuidgen, which a minimal Linux may lack: a stand-in comes last on PATH.
    tools = mkdtempSync(join(tmpdir(), 'gigapay-curl-samples-'));
    writeFileSync(join(tools, 'uuidgen'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} -e 'console.log(crypto.randomUUID())'\n`);
    chmodSync(join(tools, 'uuidgen'), 0o755);
    sandbox = await startSandbox({ port: 0, log: (message) => sandboxComplaints.push(message) });
    has = await operationsOfSandbox(docsSpec);
  });
  afterAll(async () => {
    await sandbox?.close();
    if (tools) rmSync(tools, { recursive: true, force: true });
  });
  beforeEach(() => {
    sandbox.control.reset();
    sandboxComplaints.length = 0;
  });

  /** Runs a sample in sh with the reader's two variables set, the seeded ids in place of the examples'; the answer's status and body. */
  async function run(curl: string, ids: Map<string, string>) {
    let shown = curl.replaceAll(`${SHOWN_SERVER}/`, sandbox.url);
    for (const [example, seeded] of ids) shown = shown.replaceAll(example, seeded);
    const command = `${shown.trimEnd()} \\\n  --silent --show-error --max-time 20 --write-out '\\n%{http_code}'`;
    const { stdout } = await promisify(execFile)('sh', ['-c', command], {
      env: { PATH: `${process.env.PATH}${delimiter}${tools}`, GIGAPAY_TOKEN: sandbox.token, GIGAPAY_INTEGRATION_ID: sandbox.integrationId },
      encoding: 'utf8',
    });
    const split = stdout.lastIndexOf('\n');
    return { status: Number(stdout.slice(split + 1)), body: stdout.slice(0, split) };
  }

  /** The operations seeding the object of each fixture needs. */
  const SEEDING: Record<Fixture, string[]> = {
    registrationId: ['post /registrations/'],
    integrationId: [],
    employeeId: ['post /employees/'],
    messageId: ['post /employees/', 'post /messages/'],
    payoutId: ['post /employees/', 'post /payouts/', 'patch /payruns/{id}/'],
    payrunId: ['post /employees/', 'post /payouts/', 'patch /payruns/{id}/'],
    invoiceId: ['post /employees/', 'post /payouts/', 'patch /payruns/{id}/', 'post /payruns/{id}/close/', 'get /payruns/{id}/'],
    prepaymentId: ['post /prepayments/'],
    webhookId: ['post /webhooks/'],
  };
  /** The Employees a request body names (a Payout's, a Pricing's, a Message's), as ids. */
  function employeesOf(curl: string): string[] {
    const body = bodyOf(curl);
    const items = (Array.isArray(body) ? body : body === undefined ? [] : [body]) as { employee?: unknown; employees?: unknown[] }[];
    return items.flatMap((item) => [item.employee, ...(item.employees ?? [])]).filter((id) => typeof id === 'string' || typeof id === 'number').map(String);
  }
  /** What keeps the sandbox from running a sample yet, if anything. */
  const lacking = (method: string, path: string, curl: string) => {
    const fixture = fixtureOfPath(path) as Fixture | undefined;
    return lackingOf(has, [`${method} ${path}`, ...(fixture ? SEEDING[fixture] : []), ...(employeesOf(curl).length ? ['post /employees/'] : [])]);
  };

  /**
   * The objects a sample works on: the one its path names (with what it needs: a Payout needs an
   * Employee and puts its Payrun under the example payrun id), and the Employees its request body
   * names. Under the spec's example ids where the API takes an id; the others are returned as
   * example id → seeded id.
   */
  async function seedFor(path: string, curl: string): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    const client = createGigapayClient({ token: sandbox.token, integrationId: sandbox.integrationId, server: sandbox.url, throwOnError: true });
    let emails = 0;
    const employee = (id: string) => client.POST('/employees/', { body: { id, name: 'Seeded Employee', email: `seeded${++emails}@seed.example`, country: 'SWE' } });
    const named = employeesOf(curl);
    for (const id of new Set(named)) await employee(id);
    const fixture = fixtureOfPath(path) as Fixture | undefined;
    if (fixture === 'integrationId') ids.set(exampleIds.integrationId, sandbox.integrationId);
    if (fixture === 'employeeId' && !named.includes(exampleIds.employeeId)) await employee(exampleIds.employeeId);
    if (fixture === 'registrationId') ids.set(exampleIds.registrationId, (await client.POST('/registrations/', { body: registrationBody('Seed') })).data.id);
    if (fixture === 'messageId') {
      const { data: payee } = await employee('seeded-recipient');
      ids.set(exampleIds.messageId, (await client.POST('/messages/', { body: { employees: [payee.id], content: 'Seeded message' } })).data.id);
    }
    if (fixture === 'prepaymentId') {
      const { data: prepayment } = await client.POST('/prepayments/', { body: { description: 'Seeded prepayment', net_amount: '5000.00', currency: 'SEK' } });
      ids.set(exampleIds.prepaymentId, prepayment.id);
    }
    if (fixture === 'payoutId' || fixture === 'payrunId' || fixture === 'invoiceId') {
      await employee('seeded-payee');
      const { data: payout } = await client.POST('/payouts/', { body: { id: exampleIds.payoutId, employee: 'seeded-payee', invoiced_amount: '100.00', currency: 'SEK', description: 'Seeded payout' } });
      await client.PATCH('/payruns/{id}/', { params: { path: { id: payrunOf(payout)! } }, body: { id: exampleIds.payrunId } });
      // A billing Invoice: the one closing a Payrun makes (a proforma, not issued).
      if (fixture === 'invoiceId') {
        await client.POST('/payruns/{id}/close/', { params: { path: { id: exampleIds.payrunId } } });
        const { data: payrun } = await client.GET('/payruns/{id}/', { params: { path: { id: exampleIds.payrunId } } });
        ids.set(exampleIds.invoiceId, payrun.invoice!);
      }
      // Only a notified Payout (its Payrun paid) can be resent, and not within 24 hours of that.
      if (/\/resend\/$/.test(path)) {
        sandbox.control.payPayrun(exampleIds.payrunId);
        sandbox.control.advanceClock(25 * HOUR);
      }
    }
    if (fixture === 'webhookId') await client.POST('/webhooks/', { body: { id: exampleIds.webhookId, url: 'https://example.com/gigapay-webhooks/', events: ['Payout.created'] } });
    return ids;
  }

  /**
   * Samples whose spec example the sandbox refuses, with the answer it gives and why: each must be
   * refused so (and is then to be fixed in the spec's example, and taken off this list).
   */
  const REFUSED: Record<string, { status: number; body: RegExp; why: string }> = {
    'issueInvoice.dueDate': {
      status: 400,
      body: /"due_date":\["Ensure the due date is today/,
      why: "the example's due_date (2024-02-15) is past: the sandbox refuses a due date before today",
    },
  };

  it.for(samples.map((sample) => [sample.name, sample] as const))('%s', async ([name, { method, path, curl }], context) => {
    const lack = lacking(method, path, curl);
    if (lack) return context.skip(lack);
    const answer = await run(curl, await seedFor(path, curl));
    const refused = REFUSED[name];
    if (refused) {
      expect(answer.status, refused.why).toBe(refused.status);
      expect(answer.body, refused.why).toMatch(refused.body);
      return;
    }
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

  it.for(requiringIt.map((sample) => [sample.name, sample] as const))('%s without its Integration-ID line is refused', async ([, { method, path, curl }], context) => {
    const lack = lacking(method, path, curl);
    if (lack) return context.skip(lack);
    const answer = await run(curl.replace(INTEGRATION_ID, ''), await seedFor(path, curl));
    expect(answer.status, answer.body).toBeGreaterThanOrEqual(400);
    expect(answer.status, answer.body).toBeLessThan(500);
  });
});
