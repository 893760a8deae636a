// The built site carries a TypeScript and a curl sample for every operation, and dist/ matches
// the current spec and samples (a stale build would show old samples).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocsSpec, DIST_DIR, readSpec, SAMPLES_DIR } from '../scripts/docs-spec.mjs';
import { fixtureOfPath, loadWebhookSamples, operationsOf, SHOWN_SERVER, webhookHandlerName, webhooksOf } from '../scripts/samples.mjs';

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
    const { docsSpec, missing } = buildDocsSpec(spec);
    expect(missing).toEqual([]);
    expect(built, 'dist/ is stale: rebuild the docs').toEqual(docsSpec);
  });

  it(`gives each of the ${operations.length} operations a TypeScript and a curl sample, in the page itself`, () => {
    const { exampleIds } = buildDocsSpec(spec);
    const embeddedOperations = operationsOf(embedded);
    expect(embeddedOperations.map((entry) => entry.operationId)).toEqual(operations.map((entry) => entry.operationId));
    for (const { operationId, method, path, operation } of embeddedOperations) {
      const samples = operation['x-codeSamples'] ?? [];
      expect(samples.map((sample: any) => sample.label), operationId).toEqual(['TypeScript', 'curl']);
      const [typeScript, curl] = samples;
      expect(typeScript.source, operationId).toContain("from '@gigapay/client'");
      expect(typeScript.source, operationId).toMatch(new RegExp(`client\\.${method.toUpperCase()}\\('${path.replace(/[{}]/g, '\\$&')}'|paginate\\(client, '${path}'`));
      const fixture = fixtureOfPath(path);
      const url = SHOWN_SERVER + path.replace('{id}', (fixture && exampleIds[fixture]) || 'ID');
      expect(curl.source.split('\n')[0], operationId).toBe(`curl -X ${method.toUpperCase()} '${url}' \\`);
    }
  });

  it(`shows each of the ${webhooksOf(spec).length} webhook events with a TypeScript receiver that verifies the signature`, () => {
    const embeddedEvents = webhooksOf(embedded);
    expect(embeddedEvents.map((entry) => entry.event)).toEqual(webhooksOf(spec).map((entry) => entry.event));
    for (const { event, operation } of embeddedEvents) {
      const receiver = /```typescript\n([\s\S]*)```\n$/.exec(operation.description)?.[1];
      expect(receiver, event).toBe(webhookSamples.get(event));
      expect(receiver, event).toContain(`export async function ${webhookHandlerName(event)}(request: Request)`);
      expect(receiver, event).toContain(`event: '${event}'`);
    }
  });

  it('sends a JSON body in curl exactly when the operation takes one', () => {
    for (const { operationId, operation } of operationsOf(built)) {
      const curl: string = operation['x-codeSamples'][1].source;
      const body = /-d '([\s\S]*)'\n$/.exec(curl)?.[1];
      expect(Boolean(body), operationId).toBe(Boolean(operation.requestBody));
      if (body) expect(() => JSON.parse(body.replace(/'\\''/g, "'")), operationId).not.toThrow();
      expect(curl, operationId).toContain('Authorization: Token $GIGAPAY_TOKEN');
    }
  });

  it('keeps the shown TypeScript narrow enough for the sample panel (62 columns)', () => {
    const shown: [string, string][] = [
      ...operationsOf(built).map(({ operationId, operation }): [string, string] => [operationId, operation['x-codeSamples'][0].source]),
      ...webhookSamples,
    ];
    const tooWide = shown.flatMap(([operationId, source]) =>
      source
        .split('\n')
        .filter((line) => line.length > 62)
        .map((line) => `${operationId}: ${line}`),
    );
    expect(tooWide).toEqual([]);
  });
});
