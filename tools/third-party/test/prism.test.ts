import { startSandbox, type ListeningSandbox } from '@gigapay/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenByQuoting, curlSamples, parseCurl, rewriteForTarget, shellWords } from '../src/curl-samples.js';
import { prismViolations, runCurl, type CurlAnswer, type Violation } from '../src/curl-run.js';
import { seedForCurlSample } from '../src/curl-seeds.js';
import { startPrismProxy, type PrismProxy } from '../src/prism.js';

let sandbox: ListeningSandbox;
let prism: PrismProxy;
const sandboxLog: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, log: (message) => sandboxLog.push(message) });
  prism = await startPrismProxy(sandbox.url.replace(/\/$/, ''));
});
afterAll(async () => {
  await prism?.stop();
  await sandbox?.close();
});

const samples = curlSamples().map((sample) => {
  const words = shellWords(sample.text);
  const command = parseCurl(words);
  return { ...sample, words, command, broken: brokenByQuoting(command) };
});

/** Runs one sample through Prism to the freshly seeded sandbox. */
async function exchange(words: string[], command: ReturnType<typeof parseCurl>): Promise<{ answer: CurlAnswer; violations: Violation[] }> {
  await seedForCurlSample(sandbox, { method: command.method ?? 'GET', url: command.urls[0]! });
  const answer = await runCurl(rewriteForTarget(words, { base: prism.base, token: sandbox.token, integrationId: sandbox.integrationId }));
  return { answer, violations: prismViolations(answer) };
}

it('finds the 17 curl samples of the docs', () => {
  expect(samples.length).toBe(17);
});

describe("the docs' curl samples through Prism's validation proxy to the sandbox", () => {
  it.each(samples.filter((sample) => !sample.broken).map((sample) => [`${sample.where} ${sample.command.method} ${sample.command.urls[0]}`, sample] as const))(
    '%s: no violation, a 2XX answer',
    async (_, sample) => {
      const { answer, violations } = await exchange(sample.words, sample.command);
      expect(violations).toEqual([]);
      expect(answer.status, answer.body).toBeLessThan(300);
    },
  );

  it('the sandbox logged no spec violation of its own', () => {
    expect(sandboxLog).toEqual([]);
  });
});

describe('samples broken by their own shell quoting', () => {
  it("are exactly the two with -H 'Idempotency-Key': '…' (the quote closes after the colon)", () => {
    const broken = samples.filter((sample) => sample.broken);
    expect(broken.map((sample) => sample.where)).toEqual(['003_cfa69246e4e5f908.txt:795', '003_cfa69246e4e5f908.txt:843']);
    for (const sample of broken) console.log(`excluded ${sample.where}: ${sample.broken}`);
  });
});

describe('Prism catches a request that breaks the spec', () => {
  it('a sample whose body lost its required name is refused with a request violation', async () => {
    const sample = samples.find((s) => s.where.endsWith(':892'))!;
    const words = sample.words.map((word) => (word === sample.command.data ? word.replace('"name": "Albin Lindskog", ', '') : word));
    const { answer, violations } = await exchange(words, parseCurl(words));
    expect(answer.status).toBe(422);
    expect(violations).toContainEqual(expect.objectContaining({ side: 'request', message: expect.stringContaining("required property 'name'") }));
  });
});
