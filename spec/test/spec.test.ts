import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleSpec } from '../scripts/bundle-lib.mjs';
import { check, component, deref, examplesWithSchemas, operations, spec, specDir, webhookOperations } from './bundled';

describe('the bundled spec', () => {
  it('has the 53 operations of today\'s docs (reference §7), the API root and the PUT that the docs\' payout resend samples send, each a camelCase verb, on paths ending with /', () => {
    const ops = [...operations()];
    const byTag: Record<string, number> = {};
    for (const { operation } of ops) byTag[operation.tags[0]] = (byTag[operation.tags[0]] ?? 0) + 1;
    expect(byTag).toEqual({
      Root: 1,
      Registrations: 7,
      Integrations: 5,
      Employees: 7,
      Messages: 6,
      Payouts: 6,
      Pricing: 3,
      Payruns: 5,
      Invoices: 3,
      Prepayments: 5,
      'Payment Term': 1,
      Webhooks: 6,
    });
    expect(ops).toHaveLength(55);
    console.log(`operations: ${ops.length} (53 of the reference's §7, the API root, the deprecated PUT resend)`);
    for (const { path, operation } of ops) {
      expect(path).toMatch(/\/$/);
      expect(operation.operationId).toMatch(/^(list|create|retrieve|update|replace|delete|resend|calculate|approve|close|issue)[A-Z][A-Za-z]+$/);
    }
  });

  it('has the 11 events of today\'s docs as top-level webhooks, each signed and named in Gigapay-Event, with Gigapay-Integration-Id on the integration-scoped ones only', () => {
    const events = [...webhookOperations()];
    expect(events.map((e) => e.event)).toEqual(spec.components.schemas.WebhookEventName.enum);
    expect(events).toHaveLength(11);
    expect(events.map((e) => e.event)).not.toContain('Invoice.paid');
    for (const { event, operation } of events) {
      const params = operation.parameters.map((p: any) => deref(p));
      const byName = (name: string) => params.find((p: any) => p.name === name);
      expect(byName('Gigapay-Signature')?.required, event).toBe(true);
      expect(deref(byName('Gigapay-Event')?.schema), event).toBe(spec.components.schemas.EventName);
      if (event.startsWith('Registration.')) expect(byName('Gigapay-Integration-Id'), `${event} is user-scoped`).toBeUndefined();
      else expect(byName('Gigapay-Integration-Id')?.required, event).toBe(false);
    }
    console.log(`events: ${events.length}`);
  });

  it('requires Integration-ID as the reference\'s §1.3 decides (absent on the user-scoped Registrations and on Integrations, optional on Webhooks), and an Idempotency-Key header on every mutation', () => {
    for (const { path, method, operation } of operations()) {
      const params = [...(spec.paths[path].parameters ?? []), ...(operation.parameters ?? [])].map((p) => deref(p));
      const integration = params.find((p) => p.name === 'Integration-ID');
      if (path.startsWith('/integrations/') || path.startsWith('/registrations/')) expect(integration, `${method} ${path}`).toBeUndefined();
      else if (path === '/') expect(integration?.required, 'the API root ignores it').toBe(false);
      else if (path.startsWith('/webhooks/')) {
        expect(integration?.required, `${method} ${path}`).toBe(false);
        expect(integration?.description, `${method} ${path} says when it is needed`).toMatch(/integration-scoped/);
      } else expect(integration?.required, `${method} ${path}`).toBe(true);
      if (method === 'post' || method === 'patch' || method === 'put') {
        expect(params.some((p) => p.name === 'Idempotency-Key'), `${method} ${path}`).toBe(true);
      }
    }
  });

  it('documents an example for every response and request body with content', () => {
    const missing: string[] = [];
    const check = (where: string, content: any) => {
      for (const [type, media] of Object.entries<any>(content ?? {})) {
        if (type === 'application/json' && !media.examples) missing.push(where);
      }
    };
    for (const { path, method, operation } of [...operations()]) {
      check(`${method} ${path} request`, deref(operation.requestBody)?.content);
      for (const [status, response] of Object.entries(operation.responses)) check(`${method} ${path} ${status}`, deref(response).content);
    }
    expect(missing).toEqual([]);
  });

  it('is the committed bundle (spec/dist is not stale)', async () => {
    const fresh = await bundleSpec();
    for (const [file, content] of Object.entries(fresh)) {
      expect(readFileSync(file, 'utf8'), `${file} is stale: run npm start and commit it`).toBe(content);
    }
  });
});

describe('named examples', () => {
  const all = [...examplesWithSchemas()];

  it.each(all.map((e) => [`${e.where} ${e.name}`, e] as const))('%s validates against its schema (Ajv 2020-12)', (_, e) => {
    const { valid, problems } = check(e.schema, e.value);
    expect(valid, problems).toBe(true);
  });

  it('include every example file, and every JSON example of the four seeds (30), as printed or fixed for today\'s docs', () => {
    const files = readdirSync(join(specDir, 'examples')).map((f) => f.replace(/\.yaml$/, ''));
    const used = new Set(all.map((e) => e.name));
    expect(files.filter((f) => !used.has(f))).toEqual([]);
    const seeds = files.filter((f) => f.startsWith('seed'));
    const fixed = files.filter((f) => f.startsWith('fixed-seed'));
    console.log(`named examples: ${files.length} (${seeds.length} from the seeds, ${fixed.length} more fixed for today's docs), ${all.length} example uses validated`);
    expect(seeds.length + fixed.length).toBe(30);
  });
});

describe('the exactly-one amount rule', () => {
  const payout = (value: unknown) => check(component('PayoutCreate'), value).valid;
  const base = { currency: 'SEK', description: 'Gig', employee: '1847' };

  it.each([['amount'], ['invoiced_amount'], ['cost']])('accepts %s alone', (field) => {
    expect(payout({ ...base, [field]: '100.00' })).toBe(true);
  });
  it('rejects none of them', () => expect(payout(base)).toBe(false));
  it.each([
    ['amount', 'cost'],
    ['amount', 'invoiced_amount'],
    ['invoiced_amount', 'cost'],
  ])('rejects %s together with %s', (a, b) => {
    expect(payout({ ...base, [a]: '100.00', [b]: '100.00' })).toBe(false);
  });
  it('requires the email of an inline employee (a cellphone number alone no longer does)', () => {
    const inline = (value: unknown) => check(component('PayoutCreateInlineEmployee'), value).valid;
    const employee = { name: 'Albin Lindskog', country: 'SWE' };
    expect(inline({ ...base, invoiced_amount: '1.00', employee: { ...employee, cellphone_number: '+46703000000' } })).toBe(false);
    expect(inline({ ...base, invoiced_amount: '1.00', employee: { ...employee, email: 'albin@mail.com' } })).toBe(true);
  });
  it('marks amount and cost deprecated in every branch, invoiced_amount not', () => {
    for (const branch of (component('PayoutCreate') as any).oneOf) {
      const own = branch.properties[branch.title];
      expect(Boolean(own.deprecated), branch.title).toBe(branch.title !== 'invoiced_amount');
    }
  });
});

describe("today's API (reference §1–§3), as issue 18 points 1 and 2 state it", () => {
  const parametersOf = (path: string, operation: any) => [...(spec.paths[path].parameters ?? []), ...(operation.parameters ?? [])].map((p: any) => deref(p));

  it('lists the .com servers first, the .se hosts as legacy, and support@gigapay.com', () => {
    expect(spec.servers.map((s: any) => s.url)).toEqual(['https://api.gigapay.com/v2', 'https://api.demo.gigapay.com/v2', 'https://api.gigapay.se/v2', 'https://api.demo.gigapay.se/v2']);
    for (const legacy of spec.servers.slice(2)) expect(legacy.description).toMatch(/legacy.*late 2025/i);
    expect(spec.info.contact.email).toBe('support@gigapay.com');
    expect(spec.info.version).toBe('3.0.0');
    expect(spec.info.description).toMatch(/new major version.*\n?.*`servers` stay on `\/v2`/s);
  });

  it('approves registrations on the demo servers only', () => {
    const approve = spec.paths['/registrations/{id}/approve/'].post;
    expect(approve.servers.map((s: any) => s.url)).toEqual(['https://api.demo.gigapay.com/v2', 'https://api.demo.gigapay.se/v2']);
  });

  it('documents a 404 on every path with an {id}', () => {
    const missing = [...operations()].filter(({ path, operation }) => path.includes('{id}') && !operation.responses['404']).map(({ method, path }) => `${method} ${path}`);
    expect(missing).toEqual([]);
  });

  it("documents the issue operation's 403, 409 and 400, and a 400 with the reason on every refused change of state", () => {
    const issue = spec.paths['/invoices/{id}/issue/'].post;
    for (const status of ['200', '400', '403', '409']) expect(issue.responses[status], status).toBeDefined();
    expect(deref(issue.responses['409']).description).toMatch(/already issued/);
    const refused = [
      ['patch', '/registrations/{id}/', /approved/],
      ['put', '/registrations/{id}/', /approved/],
      ['delete', '/registrations/{id}/', /approved/],
      ['patch', '/prepayments/{id}/', /DRAFT/],
      ['delete', '/prepayments/{id}/', /DRAFT/],
      ['delete', '/payruns/{id}/', /paid or on credit/],
      ['post', '/payruns/{id}/close/', /not open/],
      ['delete', '/payouts/{id}/', /paid or on credit/],
    ] as const;
    for (const [method, path, rule] of refused) {
      const operation = spec.paths[path][method];
      expect(operation.description, `${method} ${path}`).toMatch(/\*\*Decision|a decision/);
      expect(`${operation.description} ${deref(operation.responses['400']).description}`, `${method} ${path}`).toMatch(rule);
      expect(check(deref(operation.responses['400']).content['application/json'].schema, { non_field_errors: ['Refused.'] }).valid).toBe(true);
    }
  });

  it('marks the deprecated fields, filter and operation, each naming its replacement', () => {
    const deprecated = (schema: any, field: string) => {
      const property = schema.properties?.[field] ?? schema.oneOf?.find((b: any) => b.properties?.[field]?.deprecated)?.properties[field];
      expect(property?.deprecated, field).toBe(true);
      return property.description as string;
    };
    for (const field of ['amount', 'cost']) {
      expect(deprecated(component('Payout'), field)).toMatch(/invoiced_amount/);
      expect(deprecated(component('PricingBreakdown'), field)).toMatch(/invoiced_amount/);
      expect(deprecated(component('PayoutCreate'), field)).toMatch(/invoiced_amount/);
      expect(deprecated(component('PricingRequest'), field)).toMatch(/invoiced_amount/);
    }
    expect(deprecated(component('Payout'), 'full_salary_specification')).toMatch(/Deprecated/);
    expect((component('PricingRequest') as any).oneOf[0].properties.full_salary_specification.deprecated).toBe(true);
    expect(deprecated(component('Payout'), 'invoice')).toMatch(/use `payrun`/);
    const invoiceFilter = parametersOf('/payouts/', spec.paths['/payouts/'].get).find((p: any) => p.name === 'invoice');
    expect(invoiceFilter.deprecated).toBe(true);
    expect(invoiceFilter.description).toMatch(/use `payrun`/);
    const put = spec.paths['/payouts/{id}/resend/'].put;
    expect(put.deprecated).toBe(true);
    expect(put.description).toMatch(/use `PATCH \/payouts\/\{id\}\/resend\/`/);
  });

  it('refuses what today\'s docs no longer take: a payout country, a payout full_salary_specification, a Swedish registration', () => {
    const payout = { employee: '1847', currency: 'SEK', description: 'Gig', invoiced_amount: '1.00' };
    expect(check(component('PayoutCreate'), payout).valid).toBe(true);
    expect(check(component('PayoutCreate'), { ...payout, country: 'SWE' }).valid).toBe(false);
    expect(check(component('PayoutCreate'), { ...payout, full_salary_specification: true }).valid).toBe(false);
    expect(check(component('PricingRequest'), { ...payout, full_salary_specification: true }).valid).toBe(true);
    const registration = deref(spec.paths['/registrations/'].post.requestBody.content['application/json'].examples.registration).value;
    expect(check(component('RegistrationCreate'), registration).valid).toBe(true);
    expect(check(component('RegistrationCreate'), { ...registration, country: 'SWE' }).valid).toBe(false);
    const { signatory_email: _, ...withoutSignatory } = registration;
    expect(check(component('RegistrationCreate'), withoutSignatory).valid, 'the five contact fields are required').toBe(false);
    expect(check(component('RegistrationUpdate'), { email: 'a@b.se' }).valid, 'a PATCH is partial').toBe(true);
  });
});
