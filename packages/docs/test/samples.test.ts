// The TypeScript samples compile, both as files and as the docs show them, and each one succeeds
// against a started sandbox: operation samples call the operation they document (a sample of a named
// request example sends a body of that example's shape), and each webhook receiver accepts the
// sandbox's signed delivery of its event. A sample whose operation the sandbox does not route yet is
// skipped, saying so, and runs as soon as the sandbox has it.
import { createGigapayClient, payrunOf, type GigapayClient, type WebhookEventName } from '@gigapay/client';
import { startSandbox, type ListeningSandbox } from '@gigapay/sandbox';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Fixtures } from '../samples/fixtures.js';
import { DOCS_DIR, readSpec, SAMPLES_DIR } from '../scripts/docs-spec.mjs';
import { lackingOf, operationsOfSandbox, registrationBody } from './sandbox-support';
import { loadTypeScriptSamples, loadWebhookSamples, namedRequestExamples, operationsOf, webhookHandlerName, webhooksOf } from '../scripts/samples.mjs';

const spec = readSpec();
const operations = operationsOf(spec);
const { samples, missing, unexpected } = loadTypeScriptSamples(spec, SAMPLES_DIR);
const webhookSamples: Map<string, string> = loadWebhookSamples(spec, SAMPLES_DIR);
const events = webhooksOf(spec).map(({ event }) => event as WebhookEventName);
const HOUR = 3_600_000;
// The shown code is written next to the package's node_modules, so '@gigapay/client' resolves.
const SHOWN_DIR = join(DOCS_DIR, 'test-results', 'shown-samples');
const shownWebhookFile = (event: string) => join(SHOWN_DIR, `webhook-${event}.ts`);

it('has a sample file for every operation and for each of its named request examples, and none other', () => {
  expect(missing.map((name: string) => `samples/${name}.ts`)).toEqual([]);
  expect(unexpected.map((name: string) => `samples/${name}.ts`)).toEqual([]);
});

it('asks for one sample per named request example, and names the example that lacks one', () => {
  const example = (value: unknown) => ({ value });
  const tiny = {
    paths: {
      '/things/': {
        get: { operationId: 'listThings' },
        post: {
          operationId: 'createThing',
          requestBody: { content: { 'application/json': { examples: { one: example({ a: 1 }), many: { $ref: '#/components/examples/many' } } } } },
        },
      },
      '/things/{id}/': {
        patch: { operationId: 'updateThing', requestBody: { content: { 'application/json': { examples: { rename: example({ b: 2 }) } } } } },
      },
    },
    components: { examples: { many: example([{ a: 1 }]) } },
  };
  const dir = mkdtempSync(join(tmpdir(), 'gigapay-docs-samples-'));
  try {
    const sample = (name: string) => `export default async function ${name}(client: GigapayClient<true>) {\n  await client.GET('/');\n}\n`;
    writeFileSync(join(dir, 'webhook-handler.ts'), '');
    writeFileSync(join(dir, 'listThings.ts'), sample('listThings'));
    writeFileSync(join(dir, 'createThing.one.ts'), sample('createThing'));
    writeFileSync(join(dir, 'updateThing.ts'), sample('updateThing'));
    writeFileSync(join(dir, 'deleteThing.ts'), sample('deleteThing'));
    const loaded = loadTypeScriptSamples(tiny, dir);
    expect(loaded.missing).toEqual(['createThing.many']);
    expect(loaded.unexpected).toEqual(['deleteThing']);
    expect([...loaded.samples.values()].map(({ name, operationId, exampleKey }) => ({ name, operationId, exampleKey }))).toEqual([
      { name: 'listThings', operationId: 'listThings', exampleKey: undefined },
      { name: 'createThing.one', operationId: 'createThing', exampleKey: 'one' },
      { name: 'updateThing', operationId: 'updateThing', exampleKey: undefined },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Fresh on every run: tsc and the webhook test must see the samples as they are now.
beforeAll(() => {
  rmSync(SHOWN_DIR, { recursive: true, force: true });
  mkdirSync(SHOWN_DIR, { recursive: true });
  for (const [name, sample] of samples) writeFileSync(join(SHOWN_DIR, `${name}.ts`), sample.shown);
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

/** The shape of a JSON body: its keys (an item's own `id` aside: your id is optional), arrays by their first item. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return [shapeOf(value[0])];
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'id')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, item]) => [key, shapeOf(item)]),
    );
  }
  return 'value';
}

describe('every sample, run against the sandbox', () => {
  let sandbox: ListeningSandbox;
  let receiver: Server;
  let receiverUrl: string;
  const sandboxComplaints: string[] = [];
  let has: (path: string, method: string) => boolean;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, log: (message) => sandboxComplaints.push(message) });
    has = await operationsOfSandbox(spec);
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

  /**
   * The objects a sample takes (samples/fixtures.ts), each with the operations creating it needs; only
   * those the sample names are created, so a sample of an older resource runs whatever the sandbox
   * lacks of the newer ones.
   */
  const client = () => createGigapayClient({ token: sandbox.token, integrationId: sandbox.integrationId, server: sandbox.url, throwOnError: true });
  const FIXTURES: Record<keyof Fixtures, { needs: string[]; create: (made: Partial<Fixtures>) => Promise<Partial<Fixtures>> }> = {
    registrationId: {
      needs: ['post /registrations/'],
      create: async () => {
        const { data } = await client().POST('/registrations/', { body: registrationBody('Fixture') });
        return { registrationId: data.id };
      },
    },
    // 2.0 creates Integrations only by approving a Registration: the samples work on the client's own.
    integrationId: { needs: [], create: async () => ({ integrationId: sandbox.integrationId }) },
    employeeId: {
      needs: ['post /employees/'],
      create: async () => ({ employeeId: (await client().POST('/employees/', { body: { name: 'Free Employee', email: 'free@fixture.example', country: 'SWE' } })).data.id }),
    },
    messageId: {
      needs: ['post /employees/', 'post /messages/'],
      create: async (made) => {
        const { data } = await client().POST('/messages/', { body: { employees: [made.employeeId!], content: 'Fixture message' } });
        return { messageId: data.id };
      },
    },
    // The Payout goes to a second Employee, so that employeeId stays deletable.
    payoutId: {
      needs: ['post /employees/', 'post /payouts/'],
      create: async () => {
        const { data: payee } = await client().POST('/employees/', { body: { name: 'Paid Employee', email: 'paid@fixture.example', country: 'SWE' } });
        const { data: payout } = await client().POST('/payouts/', {
          body: { employee: payee.id, invoiced_amount: '100.00', currency: 'SEK', description: 'Fixture payout' },
        });
        return { payoutId: payout.id, payrunId: payrunOf(payout) };
      },
    },
    payrunId: { needs: ['post /employees/', 'post /payouts/'], create: async (made) => (made.payrunId ? {} : FIXTURES.payoutId.create(made)) },
    prepaymentId: {
      needs: ['post /prepayments/'],
      create: async () => {
        const { data } = await client().POST('/prepayments/', { body: { description: 'Fixture prepayment', net_amount: '5000.00', currency: 'SEK' } });
        return { prepaymentId: data.id };
      },
    },
    // The billing Invoice of the Payout's Payrun, which closing the Payrun makes (a proforma: not issued).
    invoiceId: {
      needs: ['post /payruns/{id}/close/', 'get /payruns/{id}/'],
      create: async (made) => {
        await client().POST('/payruns/{id}/close/', { params: { path: { id: made.payrunId! } } });
        const { data: payrun } = await client().GET('/payruns/{id}/', { params: { path: { id: made.payrunId! } } });
        return { invoiceId: payrun.invoice };
      },
    },
    webhookId: {
      needs: ['post /webhooks/'],
      create: async () => ({ webhookId: (await client().POST('/webhooks/', { body: { url: receiverUrl, events: ['Payout.created', 'Payrun.created'] } })).data.id }),
    },
  };
  /** Fixtures that another one's creation needs first. */
  const REQUIRES: Partial<Record<keyof Fixtures, (keyof Fixtures)[]>> = { messageId: ['employeeId'], payrunId: ['payoutId'], invoiceId: ['payoutId', 'payrunId'] };

  /** State a sample needs beyond the fixtures, with the rule that asks for it. */
  // Only a notified Payout (its Payrun paid) can be resent, and not within 24 hours of that.
  const notifiedADayAgo = ({ payrunId }: Partial<Fixtures>) => {
    sandbox.control.payPayrun(payrunId!);
    sandbox.control.advanceClock(25 * HOUR);
  };
  const PREPARE: Record<string, (fixtures: Partial<Fixtures>) => void> = {
    resendPayoutNotification: notifiedADayAgo,
    resendPayoutNotificationPut: notifiedADayAgo,
  };

  /** What keeps the sandbox from running a sample yet, if anything. */
  const lacking = (operation: string, names: (keyof Fixtures)[]) =>
    lackingOf(has, [operation, ...names.flatMap((name) => [...(REQUIRES[name] ?? []), name].flatMap((fixture) => FIXTURES[fixture].needs))]);

  const cases = [...samples.values()].map((sample) => [sample.name, sample, operations.find((entry) => entry.operationId === sample.operationId)!] as const);
  it.for(cases)('%s', async ([, sample, { method, path, operation }], context) => {
    const names = sample.fixtures as (keyof Fixtures)[];
    const lack = lacking(`${method} ${path}`, names);
    if (lack) return context.skip(lack);
    let fixtures: Partial<Fixtures> = {};
    for (const name of new Set(names.flatMap((fixture) => [...(REQUIRES[fixture] ?? []), fixture]))) {
      if (fixtures[name] === undefined) fixtures = { ...fixtures, ...(await FIXTURES[name].create(fixtures)) };
    }
    const missingFixture = names.find((name) => fixtures[name] === undefined);
    if (missingFixture) return context.skip(`the sandbox gave no ${missingFixture}`);
    PREPARE[sample.operationId]?.(fixtures);

    const exchanges: { method: string; path: string; status: number; body: string }[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const body = await request.clone().text();
      const response = await fetch(request);
      exchanges.push({ method: request.method, path: new URL(request.url).pathname, status: response.status, body });
      return response;
    };
    const sampleClient: GigapayClient<true> = createGigapayClient({
      token: sandbox.token,
      integrationId: sandbox.integrationId,
      server: sandbox.url,
      throwOnError: true,
      fetch: recordingFetch,
    });

    const { default: run } = await import(`../samples/${sample.name}.ts`);
    await run(sampleClient, fixtures);

    // It called the operation it documents, and every call it made succeeded.
    const documented = new RegExp(`^/v2${path.replace('{id}', '[^/]+')}$`);
    const calls = exchanges.filter((exchange) => exchange.method === method.toUpperCase() && documented.test(exchange.path));
    expect(calls.length).toBeGreaterThan(0);
    expect(exchanges.filter((exchange) => exchange.status >= 300)).toEqual([]);
    expect(sandboxComplaints).toEqual([]);
    // The sample of a named request example sends what the example shows (its fields; ids are yours).
    if (sample.exampleKey !== undefined) {
      const examples = namedRequestExamples(spec, operation) as [string, unknown][];
      const example = examples.find(([key]) => key === sample.exampleKey)![1];
      expect(shapeOf(JSON.parse(calls[0]!.body || 'null'))).toEqual(shapeOf(example));
    }
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

      // One lifecycle that emits every event: an Employee through to verified, a Payout paid and
      // accepted, another canceled (by Gigapay: a sandbox step), a Registration approved.
      const { data: employee } = await client.POST('/employees/', { body: { name: 'Hooked Employee', email: 'hooked@fixture.example', country: 'SWE' } });
      sandbox.control.verifyEmployee(employee.id);
      const payout = async (description: string) =>
        (await client.POST('/payouts/', { body: { employee: employee.id, invoiced_amount: '100.00', currency: 'SEK', description } })).data;
      sandbox.control.cancelPayout((await payout('Canceled payout')).id);
      const paid = await payout('Webhook payout');
      sandbox.control.payPayrun(payrunOf(paid)!);
      sandbox.control.acceptPayout(paid.id);
      const has = await operationsOfSandbox(spec);
      const hasRegistrations = has('/registrations/', 'post') && has('/registrations/{id}/approve/', 'post');
      if (hasRegistrations) {
        const { data: registration } = await client.POST('/registrations/', { body: registrationBody('Hooked') });
        await client.POST('/registrations/{id}/approve/', { params: { path: { id: registration.id } } });
      }
      await sandbox.control.waitForDeliveries();

      const accepted = new Set(answers.filter((answer) => answer.status === 204).map((answer) => answer.event));
      expect(answers.filter((answer) => answer.status !== 204)).toEqual([]);
      // Until the sandbox has Registrations, the Registration.verified receiver is checked by tsc only.
      const expected = hasRegistrations ? events : events.filter((event) => event !== 'Registration.verified');
      expect([...accepted].sort()).toEqual([...expected].sort());

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
