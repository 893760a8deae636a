// The built site carries a TypeScript and a curl sample for every operation, and dist/ matches
// the current spec and samples (a stale build would show old samples).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocsSpec, DIST_DIR, readSpec, SAMPLES_DIR } from '../scripts/docs-spec.mjs';
import { exampleQuery, fixtureOfPath, loadWebhookSamples, namedRequestExamples, operationsOf, SHOWN_SERVER, SHOWN_WIDTH, webhookHandlerName, webhooksOf } from '../scripts/samples.mjs';

const spec = readSpec();
const operations = operationsOf(spec);
const webhookSamples: Map<string, string> = loadWebhookSamples(spec, SAMPLES_DIR);
const NOT_BUILT = 'dist/ is missing: run `pnpm --filter @gigapay/docs build` first (turbo does it before test).';

/** The definition that dist/index.html hands to Redoc, as the browser gets it. */
function embeddedDefinition(html: string) {
  const start = html.indexOf('const __redoc_definition = ');
  const end = html.indexOf(';\n', start);
  if (start < 0 || end < 0) throw new Error('dist/index.html embeds no __redoc_definition');
  return JSON.parse(html.slice(start + 'const __redoc_definition = '.length, end));
}

describe('the built docs bundle', () => {
  let built: any;
  let embedded: any;
  beforeAll(() => {
    if (!existsSync(join(DIST_DIR, 'index.html'))) throw new Error(NOT_BUILT);
    built = JSON.parse(readFileSync(join(DIST_DIR, 'openapi.json'), 'utf8'));
    embedded = embeddedDefinition(readFileSync(join(DIST_DIR, 'index.html'), 'utf8'));
  });

  it('is current: dist/openapi.json is what the spec and samples/ give now', () => {
    const { docsSpec, missing, unexpected } = buildDocsSpec(spec);
    expect(missing).toEqual([]);
    expect(unexpected).toEqual([]);
    expect(built, 'dist/ is stale: rebuild the docs').toEqual(docsSpec);
  });

  it(`gives each of the ${operations.length} operations a TypeScript and a curl sample (one of each per named request example, if several), in the page itself`, () => {
    const { exampleIds } = buildDocsSpec(spec);
    const embeddedOperations = operationsOf(embedded);
    expect(embeddedOperations.map((entry) => entry.operationId)).toEqual(operations.map((entry) => entry.operationId));
    for (const entry of embeddedOperations) {
      const { operationId, method, path, operation } = entry;
      const samples = operation['x-codeSamples'] ?? [];
      // In the order of the examples, which is the order of Redoc's example picker (redoc-patches.mjs).
      const examples = (namedRequestExamples(embedded, operation) as [string, unknown][]).map(([key]) => key);
      const keys = examples.length > 1 ? examples : [undefined];
      expect(samples.map((sample: any) => [sample.label, sample['x-example']]), operationId).toEqual([
        ...keys.map((key) => ['TypeScript', key]),
        ...keys.map((key) => ['curl', key]),
      ]);
      for (const [index, key] of keys.entries()) {
        const [typeScript, curl] = [samples[index], samples[keys.length + index]];
        expect(typeScript.source, operationId).toContain("from '@gigapay/client'");
        expect(typeScript.source, operationId).toMatch(new RegExp(`client\\.${method.toUpperCase()}\\('${path.replace(/[{}]/g, '\\$&')}'|paginate\\(client, '${path}'`));
        const fixture = fixtureOfPath(path);
        const url = SHOWN_SERVER + path.replace('{id}', (fixture && exampleIds[fixture]) || 'ID') + exampleQuery(embedded, entry, key);
        expect(curl.source.split('\n')[0], operationId).toBe(`curl -X ${method.toUpperCase()} '${url}' \\`);
      }
    }
  });

  it('shows the demo server of the spec in curl', () => {
    expect(spec.servers.map((server: { url: string }) => server.url.replace(/\/$/, ''))).toContain(SHOWN_SERVER);
  });

  it(`shows each of the ${webhooksOf(spec).length} webhook events with a TypeScript receiver that verifies the signature`, () => {
    const embeddedEvents = webhooksOf(embedded);
    expect(embeddedEvents.map((entry) => entry.event)).toEqual(webhooksOf(spec).map((entry) => entry.event));
    for (const { event, operation } of embeddedEvents) {
      const receiver = /```typescript\n([\s\S]*)```\n$/.exec(operation.description)?.[1];
      expect(receiver, event).toBe(webhookSamples.get(event));
      expect(receiver, event).toMatch(new RegExp(`export async function ${webhookHandlerName(event)}\\(\\s*request: Request,?\\s*\\)`));
      expect(receiver, event).toContain(`event: '${event}'`);
    }
  });

  it('sends a JSON body in curl exactly when the operation takes one', () => {
    for (const { operationId, operation } of operationsOf(built)) {
      for (const { source: curl } of operation['x-codeSamples'].filter((sample: any) => sample.label === 'curl')) {
        const body = /-d '([\s\S]*)'\n$/.exec(curl)?.[1];
        expect(Boolean(body), operationId).toBe(Boolean(operation.requestBody));
        if (body) expect(() => JSON.parse(body.replace(/'\\''/g, "'")), operationId).not.toThrow();
        expect(curl, operationId).toContain('Authorization: Token $GIGAPAY_TOKEN');
      }
    }
  });

  it('keeps the shown TypeScript narrow enough for the sample panel (62 columns)', () => {
    const shown: [string, string][] = [
      ...operationsOf(built).flatMap(({ operationId, operation }): [string, string][] =>
        operation['x-codeSamples'].filter((sample: any) => sample.label === 'TypeScript').map((sample: any) => [operationId, sample.source]),
      ),
      ...webhookSamples,
    ];
    const tooWide = shown.flatMap(([operationId, source]) =>
      source
        .split('\n')
        .filter((line) => line.length > SHOWN_WIDTH)
        .map((line) => `${operationId}: ${line}`),
    );
    expect(tooWide).toEqual([]);
  });
});
