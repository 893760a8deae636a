import { startSandbox, type ListeningSandbox } from '@gigapay/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCollection, requestItems, runNewman, writeOneRequest, type Collection, type NewmanSummary } from '../src/portman.js';
import { seedForPortman } from '../src/portman-seeds.js';

let sandbox: ListeningSandbox;
let collection: Collection;
let variables: Record<string, string>;
let summary: NewmanSummary;
const violations: string[] = [];

beforeAll(async () => {
  const [generated, started] = await Promise.all([generateCollection(), startSandbox({ port: 0, log: (message) => violations.push(message), webhooks: { attempts: 1, retryDelayMs: 0, timeoutMs: 1000 } })]);
  sandbox = started;
  collection = generated.collection;
  variables = await seedForPortman(sandbox, collection);
  summary = await runNewman(generated.file, variables);
  console.log(`newman: ${summary.requests} requests, ${summary.assertions} assertions, ${summary.failures.length} failures`);
});
afterAll(() => sandbox?.close());

describe('Portman contract tests (from the bundle) run by newman against the sandbox', () => {
  it('sends every operation of the spec, and the bulk variant of createPayout', () => {
    expect(summary.requests).toBe(56);
  });

  it('tests every request, each sent to the sandbox (approveRegistration too, whose own server is the demo host)', () => {
    for (const item of requestItems(collection.item)) {
      const tests = (item.event ?? []).filter((event) => event.listen === 'test').flatMap((event) => event.script.exec);
      expect(tests.join('\n'), item.name).toContain('Status code is 2xx');
      expect(item.request.url.host, item.name).toEqual(['{{baseUrl}}']);
    }
  });

  it('passes every assertion', () => {
    expect(summary.failures).toEqual([]);
    expect(summary.assertions).toBeGreaterThan(100);
  });

  it('the sandbox saw no spec violation of its own', () => {
    expect(violations).toEqual([]);
  });
});

describe('the same contract tests without the seeded object', () => {
  it('fail: an unknown path id is a 404, not the 2XX the test expects', async () => {
    const unseeded = await runNewman(writeOneRequest(collection, 'Retrieve an Employee'), { ...variables, employeeId: 'never-seeded' });
    expect(unseeded.requests).toBe(1);
    expect(unseeded.failures).toContainEqual(expect.objectContaining({ test: '[GET]::/employees/:id/ - Status code is 2xx' }));
  });
});
