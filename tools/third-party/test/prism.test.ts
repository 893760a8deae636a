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

/**
 * The seed-era samples that today's API no longer allows, each with its reason and the section of
 * the reference's change table (`gigapay-v2-current.md` §8). They are not dropped: each one is run
 * and must be refused, by Prism (a request violation) and by the sandbox on its own (a 400 naming
 * the field that is no longer allowed or now missing).
 */
const payoutInputsGone = {
  reason: 'a payout has no `country` (removed 2023-01-02), and `full_salary_specification` is no longer an input (read-only since 2022-03-25, deprecated since)',
  section: '§8.1 C3, §8.2 F5 and F6',
  field: 'country',
};
const refusedToday: Record<string, { reason: string; section: string; field: string }> = {
  '002_4274dc324194ab24.txt:181': payoutInputsGone,
  '002_4274dc324194ab24.txt:296': payoutInputsGone,
  '002_4274dc324194ab24.txt:428': payoutInputsGone,
  '003_cfa69246e4e5f908.txt:892': { reason: 'an employee needs an `email` (it was email or cellphone until 2024-05-02)', section: '§8.1 C1, §8.2 F3', field: 'email' },
};

/** Runs one sample to the freshly seeded sandbox, through Prism unless told to go straight to it. */
async function exchange(
  words: string[],
  command: ReturnType<typeof parseCurl>,
  via: 'prism' | 'sandbox' = 'prism',
): Promise<{ answer: CurlAnswer; violations: Violation[] }> {
  await seedForCurlSample(sandbox, { method: command.method ?? 'GET', url: command.urls[0]! });
  const base = via === 'prism' ? prism.base : sandbox.url.replace(/\/$/, '');
  const answer = await runCurl(rewriteForTarget(words, { base, token: sandbox.token, integrationId: sandbox.integrationId }));
  return { answer, violations: prismViolations(answer) };
}

it('finds the 17 curl samples of the docs', () => {
  expect(samples.length).toBe(17);
});

describe("the docs' curl samples through Prism's validation proxy to the sandbox", () => {
  it.each(samples.filter((sample) => !sample.broken && !refusedToday[sample.where]).map((sample) => [`${sample.where} ${sample.command.method} ${sample.command.urls[0]}`, sample] as const))(
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

describe("the seed-era samples today's API no longer allows", () => {
  const refused = samples.filter((sample) => refusedToday[sample.where]);

  it('are the listed ones, each found among the docs\' samples', () => {
    expect(refused.map((sample) => sample.where)).toEqual(Object.keys(refusedToday));
  });

  it.each(refused.map((sample) => [`${sample.where} (${refusedToday[sample.where]!.section}: ${refusedToday[sample.where]!.reason})`, sample] as const))(
    '%s: refused by Prism and by the sandbox',
    async (_, sample) => {
      const throughPrism = await exchange(sample.words, sample.command);
      expect(throughPrism.answer.status).toBe(422);
      expect(throughPrism.violations.length).toBeGreaterThan(0);
      expect(throughPrism.violations.every((violation) => violation.side === 'request')).toBe(true);
      const direct = await exchange(sample.words, sample.command, 'sandbox');
      expect(direct.answer.status, direct.answer.body).toBe(400);
      expect(direct.answer.body).toContain(refusedToday[sample.where]!.field);
    },
  );
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
