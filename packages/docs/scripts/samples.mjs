// Code samples of the docs: the TypeScript ones come from samples/<operationId>.ts (files the tests
// type-check and run against the sandbox), the curl ones are generated from the spec. Both end up in
// each operation's `x-codeSamples`. An operation with several named request examples gets one sample
// of each kind per example, samples/<operationId>.<example>.ts, in the order of its examples: the
// page shows the one of the example the reader picks (redoc-patches.mjs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'];
/** The base URL the samples show: the demo server, where no money moves. */
export const SHOWN_SERVER = 'https://api.demo.gigapay.com/v2';

/** Every operation of the spec as { operationId, method, path, operation }, in spec order. */
export function operationsOf(spec) {
  const operations = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation) operations.push({ operationId: operation.operationId, method, path, operation, pathItem: item });
    }
  }
  return operations;
}

/** Every webhook event of the spec as { event, operationId, operation }. */
export function webhooksOf(spec) {
  return Object.entries(spec.webhooks ?? {}).flatMap(([event, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({
      event,
      operationId: item[method].operationId,
      operation: item[method],
    })),
  );
}

/** Follows a local `#/…` reference (once per level, as the bundle nests them). */
export function deref(spec, value) {
  while (value && typeof value === 'object' && typeof value.$ref === 'string') {
    value = value.$ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((node, key) => node?.[key], spec);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// TypeScript samples
//
// A sample file default-exports one async function taking the client and, destructured, the ids
// it works on (see samples/fixtures.ts). The docs show what a user would write instead: the
// imports, the client made from environment variables, each id as a constant, then the body.

/** Which resource each fixture names, so that the shown constant gets an id from the spec's examples. */
export const FIXTURE_RESOURCES = {
  registrationId: '/registrations/{id}/',
  integrationId: '/integrations/{id}/',
  employeeId: '/employees/{id}/',
  messageId: '/messages/{id}/',
  payoutId: '/payouts/{id}/',
  payrunId: '/payruns/{id}/',
  invoiceId: '/invoices/{id}/',
  prepaymentId: '/prepayments/{id}/',
  webhookId: '/webhooks/{id}/',
};

// The samples are written against exactly this client: throwOnError keeps them short.
const CLIENT_SETUP = `const client = createGigapayClient({
  token: process.env.GIGAPAY_TOKEN!,
  integrationId: process.env.GIGAPAY_INTEGRATION_ID,
  server: 'demo', // or 'production'
  throwOnError: true, // errors throw a GigapayError
});`;

const SIGNATURE = /^export default async function\s*\w*\s*\(\s*client\s*:\s*GigapayClient(?:<true>)?\s*(?:,\s*\{([^}]*)\}\s*:\s*Fixtures\s*)?\)\s*\{\s*$/m;

/** Splits a sample file into its imports, the fixtures it takes and its body (dedented). */
export function parseSample(source, file = 'sample') {
  const signature = SIGNATURE.exec(source);
  if (!signature) {
    throw new Error(
      `${file}: expected \`export default async function <name>(client: GigapayClient<true>, { …ids }: Fixtures) {\` on a line of its own`,
    );
  }
  const before = source.slice(0, signature.index);
  const after = source.slice(signature.index + signature[0].length);
  const close = after.search(/^\}\s*$/m);
  if (close < 0) throw new Error(`${file}: the default-exported function must end with a \`}\` alone on a line`);
  const bodyLines = after.slice(0, close).replace(/^\n+|\s+$/g, '').split('\n');
  const indent = Math.min(...bodyLines.filter((line) => line.trim()).map((line) => /^ */.exec(line)[0].length));
  const body = bodyLines.map((line) => line.slice(indent)).join('\n');
  const fixtures = (signature[1] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of fixtures) {
    if (!(name in FIXTURE_RESOURCES)) throw new Error(`${file}: unknown fixture "${name}" (known: ${Object.keys(FIXTURE_RESOURCES).join(', ')})`);
  }
  // Type-only imports serve the harness signature; the shown code infers its types.
  const imports = [...before.matchAll(/^import\s+(?!type\b)[^;]+;\s*$/gm)].map((match) => match[0].trim());
  return { imports, fixtures, body };
}

/** The sample as the docs show it: a complete, copy-pasteable module. */
export function shownSample(parsed, exampleIds) {
  const imports = [...parsed.imports];
  const clientImport = imports.findIndex((line) => /from '@gigapay\/client'/.test(line));
  if (clientImport >= 0) {
    const names = /\{([^}]*)\}/.exec(imports[clientImport])[1].split(',').map((name) => name.trim()).filter(Boolean);
    const merged = `import { ${['createGigapayClient', ...names].join(', ')} } from '@gigapay/client';`;
    // Wrapped as a formatter would, so that it fits the sample panel.
    imports[clientImport] =
      merged.length <= 60 ? merged : `import {\n${['createGigapayClient', ...names].map((name) => `  ${name},\n`).join('')}} from '@gigapay/client';`;
  } else {
    imports.unshift(`import { createGigapayClient } from '@gigapay/client';`);
  }
  const constants = parsed.fixtures.map((name) => `const ${name} = '${exampleIds[name]}';`);
  return [imports.join('\n'), CLIENT_SETUP + (constants.length ? `\n${constants.join('\n')}` : ''), parsed.body].join('\n\n') + '\n';
}

/**
 * The id shown for each fixture: the `id` of the resource's retrieve example in the spec.
 * @returns {Record<string, string>}
 */
export function exampleIdsOf(spec) {
  /** @type {Record<string, string>} */
  const ids = {};
  for (const [fixture, path] of Object.entries(FIXTURE_RESOURCES)) {
    const responses = deref(spec, spec.paths[path]?.get?.responses?.['200']);
    const examples = responses?.content?.['application/json']?.examples ?? {};
    const first = Object.values(examples).map((example) => deref(spec, example)?.value).find((value) => value?.id);
    ids[fixture] = first?.id ?? `your-${fixture.replace(/Id$/, '')}-id`;
  }
  return ids;
}

/** The named JSON request examples of an operation, in spec order: `[key, value]`. */
export function namedRequestExamples(spec, operation) {
  const media = deref(spec, operation.requestBody)?.content?.['application/json'];
  return Object.entries(media?.examples ?? {}).map(([key, example]) => [key, deref(spec, example)?.value]);
}

/**
 * The sample files an operation needs, in the order its examples are picked: one per named request
 * example when it has several (`createPayout.bulk`), else one (`listPayouts`).
 * @returns {{ name: string, exampleKey?: string }[]}
 */
export function sampleNamesOf(spec, { operationId, operation }) {
  const examples = namedRequestExamples(spec, operation);
  if (examples.length < 2) return [{ name: operationId }];
  return examples.map(([exampleKey]) => ({ name: `${operationId}.${exampleKey}`, exampleKey }));
}

/**
 * Reads the sample files of every operation (sampleNamesOf). `samples` maps a sample's name to it,
 * `missing` lists the names without a file, `unexpected` the files no operation or example asks
 * for (an operation or example the spec dropped).
 */
export function loadTypeScriptSamples(spec, samplesDir) {
  const exampleIds = exampleIdsOf(spec);
  const samples = new Map();
  const missing = [];
  for (const entry of operationsOf(spec)) {
    for (const { name, exampleKey } of sampleNamesOf(spec, entry)) {
      const file = join(samplesDir, `${name}.ts`);
      if (!existsSync(file)) {
        missing.push(name);
        continue;
      }
      const source = readFileSync(file, 'utf8');
      const parsed = parseSample(source, file);
      samples.set(name, { name, operationId: entry.operationId, exampleKey, file, source, ...parsed, shown: shownSample(parsed, exampleIds) });
    }
  }
  const expected = new Set(operationsOf(spec).flatMap((entry) => sampleNamesOf(spec, entry).map(({ name }) => name)));
  const unexpected = readdirSync(samplesDir)
    .filter((file) => file.endsWith('.ts') && file !== 'fixtures.ts' && file !== WEBHOOK_TEMPLATE.file)
    .map((file) => file.slice(0, -'.ts'.length))
    .filter((name) => !expected.has(name));
  return { samples, missing, unexpected, exampleIds };
}

// ---------------------------------------------------------------------------------------------
// Webhook samples: one receiver per event, from the Payout.accepted handler in
// samples/webhook-handler.ts with the event, its object and its timestamp swapped in. The tests
// type-check every variant and run each against the sandbox's signed deliveries.

export const WEBHOOK_TEMPLATE = { file: 'webhook-handler.ts', event: 'Payout.accepted' };

const capitalize = (word) => word[0].toUpperCase() + word.slice(1);

/** The name of the handler the sample for `event` exports: `onPayoutAccepted`. */
export function webhookHandlerName(event) {
  const [object, action] = event.split('.');
  return `on${object}${capitalize(action)}`;
}

/**
 * The template's handler, rewritten for `event` (`Employee.verified` logs `verified_at`, …); `field`
 * is what it logs when the object has no `<action>_at` (a verified Registration: its Integration).
 */
export function webhookSampleFor(template, event, field = `${event.split('.')[1]}_at`) {
  const [templateObject, templateAction] = WEBHOOK_TEMPLATE.event.split('.');
  const [object] = event.split('.');
  return template
    .replaceAll(WEBHOOK_TEMPLATE.event, event)
    .replaceAll(webhookHandlerName(WEBHOOK_TEMPLATE.event), webhookHandlerName(event))
    .replaceAll(`${templateAction}_at`, field)
    .replace(new RegExp(`\\b${templateObject.toLowerCase()}\\b`, 'g'), object.toLowerCase())
    // A long handler name (onRegistrationVerified) puts its parameter on a line of its own, as a
    // formatter would, so that the signature fits the sample panel.
    .replace(/^(export async function \w+\()(request: Request)(\) \{)$/m, (line, open, parameter, close) =>
      line.length <= SHOWN_WIDTH ? line : `${open}\n  ${parameter},\n${close}`,
    );
}

/** The widest line a shown sample may have: what the sample panel shows without scrolling. */
export const SHOWN_WIDTH = 62;

export const RECEIVER_INTRO =
  '**Receive it in TypeScript** with `@gigapay/client/webhooks`, which checks the `Gigapay-Signature` before you trust the body:';

/** The receiver sample of every webhook event, by event name. */
export function loadWebhookSamples(spec, samplesDir) {
  const template = readFileSync(join(samplesDir, WEBHOOK_TEMPLATE.file), 'utf8');
  return new Map(
    webhooksOf(spec).map(({ event, operation }) => {
      const fields = Object.keys(deref(spec, deref(spec, operation.requestBody)?.content?.['application/json']?.schema)?.properties ?? {});
      const stamp = `${event.split('.')[1]}_at`;
      return [event, webhookSampleFor(template, event, fields.length && !fields.includes(stamp) ? 'integration_id' : stamp)];
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// curl samples, generated from the spec

const shellQuote = (text) => `'${text.replace(/'/g, `'\\''`)}'`;

function parametersOf(spec, { operation, pathItem }) {
  return [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((parameter) => deref(spec, parameter));
}

/** The JSON request example of an operation (the first one, unless `exampleKey` names another), if it has a body. */
function requestExample(spec, operation, exampleKey) {
  const media = deref(spec, operation.requestBody)?.content?.['application/json'];
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const examples = namedRequestExamples(spec, operation);
  return (examples.find(([key]) => key === exampleKey) ?? examples[0])?.[1];
}

/**
 * The query string a named example is sent with, as its description says ("Sent to `POST
 * /payouts/?expand=employee`": an inline Employee needs the expand), or ''.
 */
export function exampleQuery(spec, { method, path, operation }, exampleKey) {
  const example = exampleKey === undefined ? undefined : deref(spec, deref(spec, operation.requestBody)?.content?.['application/json']?.examples?.[exampleKey]);
  const sentTo = /Sent to `(\w+) ([^`?]+)(\?[^`]+)`/.exec(example?.description ?? '');
  return sentTo && sentTo[1].toLowerCase() === method && sentTo[2] === path ? sentTo[3] : '';
}

/** The fixture whose id fills a path's `{id}`: a Pricing is looked up by its Payout's id. */
export function fixtureOfPath(path) {
  if (path.startsWith('/pricing/{id}/')) return 'payoutId';
  return Object.entries(FIXTURE_RESOURCES).find(([, template]) => path.startsWith(template))?.[0];
}

export function curlSample(spec, entry, exampleIds, exampleKey) {
  const { method, path, operation } = entry;
  const parameters = parametersOf(spec, entry);
  const fixture = fixtureOfPath(path);
  const url = SHOWN_SERVER + path.replace('{id}', fixture ? exampleIds[fixture] : 'ID') + exampleQuery(spec, entry, exampleKey);
  const lines = [`curl -X ${method.toUpperCase()} ${shellQuote(url)}`, `-H "Authorization: Token $GIGAPAY_TOKEN"`];
  if (parameters.some((p) => p.in === 'header' && p.name === 'Integration-ID')) {
    lines.push(`-H "Integration-ID: $GIGAPAY_INTEGRATION_ID"`);
  }
  const body = requestExample(spec, operation, exampleKey);
  if (body !== undefined) {
    // A create that a retry could repeat gets a key, as the Idempotency guide recommends.
    if (method === 'post' && parameters.some((p) => p.name === 'Idempotency-Key')) {
      lines.push(`-H "Idempotency-Key: $(uuidgen)"`);
    }
    // Indented under -d, where the shell does not mind the whitespace.
    const json = JSON.stringify(body, null, 2).replace(/\n/g, '\n  ');
    lines.push(`-H 'Content-Type: application/json'`, `-d ${shellQuote(json)}`);
  }
  return lines.join(' \\\n  ') + '\n';
}

// ---------------------------------------------------------------------------------------------

/**
 * A copy of the spec with `x-codeSamples`: TypeScript, then curl, on every operation (those
 * without a TypeScript sample get curl only; the caller decides whether that is fatal), and a
 * TypeScript receiver in the description of every webhook event. An operation with several named
 * request examples gets a TypeScript and a curl sample per example, in the examples' order, each
 * marked with its `x-example`: the page shows the one of the picked example (redoc-patches.mjs).
 */
export function withCodeSamples(spec, typeScriptSamples, exampleIds, webhookSamples = new Map()) {
  const docs = structuredClone(spec);
  // Redoc 3 shows only the JSON payload in a webhook's sample panel, so the receiver goes under
  // the event's description instead.
  for (const { event, operation } of webhooksOf(docs)) {
    const source = webhookSamples.get(event);
    if (source) operation.description = `${operation.description ?? ''}\n\n${RECEIVER_INTRO}\n\n\`\`\`typescript\n${source}\`\`\`\n`;
  }
  for (const entry of operationsOf(docs)) {
    const names = sampleNamesOf(docs, entry);
    const marked = (exampleKey) => (exampleKey === undefined ? {} : { 'x-example': exampleKey });
    const typeScript = names
      .map(({ name, exampleKey }) => [typeScriptSamples.get(name), exampleKey])
      .filter(([sample]) => sample)
      .map(([sample, exampleKey]) => ({ lang: 'TypeScript', label: 'TypeScript', source: sample.shown, ...marked(exampleKey) }));
    const curl = names.map(({ exampleKey }) => ({ lang: 'Shell', label: 'curl', source: curlSample(docs, entry, exampleIds, exampleKey), ...marked(exampleKey) }));
    entry.operation['x-codeSamples'] = [...typeScript, ...curl];
  }
  return docs;
}
