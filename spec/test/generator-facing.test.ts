// What a team generating from the bundle gets: the spec says it, not our own post-processing.
// (tools/third-party runs openapi-typescript, @hey-api/openapi-ts and orval on the bundle and
// compiles their output; these are the spec-side facts those generators read.)
import { describe, expect, it } from 'vitest';
import { check, component, deref, operations, spec, webhookOperations } from './bundled';

/** Every `readOnly` inside a schema, following the `$ref`s into other components. */
function readOnlyPaths(schema: any, at: string, seen = new Set<any>()): string[] {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return [];
  seen.add(schema);
  const own = schema.readOnly ? [at] : [];
  if (schema.$ref) return [...own, ...readOnlyPaths(deref(schema), `${at}→${schema.$ref.split('/').pop()}`, seen)];
  return [...own, ...Object.entries(schema).flatMap(([key, value]) => readOnlyPaths(value, `${at}.${key}`, seen))];
}

describe('webhook payloads', () => {
  it.each([...webhookOperations()].map(({ event, operation }) => [event, operation]))('%s marks nothing readOnly, so generators keep every field', (_event, operation: any) => {
    const schema = operation.requestBody.content['application/json'].schema;
    // An expandable field is an id in a notification; its object form (the API's Employee, Payrun, Invoice) is never posted.
    const expandedObjects = /\.(employee|payrun|invoice)\.oneOf\.1→/;
    expect(readOnlyPaths(schema, 'payload').filter((path) => !expandedObjects.test(path))).toEqual([]);
  });

  it('Payout.accepted carries accepted_at, and the API responses keep it readOnly', () => {
    const payload = deref(spec.webhooks['Payout.accepted'].post.requestBody.content['application/json'].schema);
    expect(payload.properties.accepted_at).toBeDefined();
    expect(payload.properties.accepted_at.readOnly).toBeUndefined();
    expect((component('Payout') as any).properties.accepted_at.readOnly).toBe(true);
  });
});

describe('the payout and pricing request bodies', () => {
  const bodies = {
    PayoutCreate: component('PayoutCreate'),
    PayoutCreateInlineEmployee: component('PayoutCreateInlineEmployee'),
    PricingRequest: component('PricingRequest'),
  };

  it('set no `default` (openapi-typescript with default options would make such a field required)', () => {
    const defaults = (schema: any, at: string, seen = new Set<any>()): string[] => {
      if (!schema || typeof schema !== 'object' || seen.has(schema)) return [];
      seen.add(schema);
      if (schema.$ref) return defaults(deref(schema), at, seen);
      return [...('default' in schema ? [at] : []), ...Object.entries(schema).flatMap(([key, value]) => (key === 'examples' ? [] : defaults(value, `${at}.${key}`, seen)))];
    };
    // Metadata's `{}` is the value a response shows for a Payout created without it, and sits
    // behind a `$ref`, which openapi-typescript does not look through for `default`.
    const metadata = /\.metadata$/;
    for (const [name, schema] of Object.entries(bodies)) expect(defaults(schema, name).filter((at) => !metadata.test(at)), name).toEqual([]);
  });

  it('state the exactly-one basis as branches that require one basis and forbid the other two, each as a schema', () => {
    const branches = (component('AmountBasis') as any).oneOf;
    const names = ['amount', 'invoiced_amount', 'cost'];
    expect(branches.map((branch: any) => branch.required)).toEqual(names.map((name) => [name]));
    for (const [i, branch] of branches.entries()) {
      for (const other of names.filter((name) => name !== names[i])) {
        // `not: {}` forbids it; `type: 'null'` beside it is what the generators print (never `unknown`).
        expect(branch.properties[other], `${names[i]} branch, ${other}`).toMatchObject({ type: 'null', not: {} });
      }
    }
  });

  it('spell each branch of the rule out as a whole object, so that Redoc lists every field in each tab', () => {
    // Redoc shows a `oneOf` branch's own properties only, not the fields beside it (`allOf`, parent).
    // `country` is a forbidden field of every body (removed in 2023), `full_salary_specification` of the payout ones (read-only there; deprecated, still accepted by pricing).
    const fields = ['id', 'currency', 'description', 'full_salary_specification', 'metadata', 'start_at', 'end_at', 'country', 'employee', 'amount', 'invoiced_amount', 'cost'];
    for (const [name, schema] of Object.entries<any>(bodies)) {
      expect(schema.allOf, name).toBeUndefined();
      expect(schema.oneOf.map((branch: any) => branch.title), name).toEqual(['amount', 'invoiced_amount', 'cost']);
      for (const branch of schema.oneOf) {
        expect(Object.keys(branch.properties).sort(), `${name} ${branch.title}`).toEqual([...fields].sort());
        expect(branch.required, `${name} ${branch.title}`).toEqual(expect.arrayContaining(['currency', 'description', 'employee', branch.title]));
      }
    }
  });

  it('refuse a forbidden basis even when sent as null', () => {
    const base = { employee: '8472', currency: 'SEK', description: 'Gig' };
    expect(check(component('PayoutCreate'), { ...base, amount: '1.00', cost: null }).valid).toBe(false);
    expect(check(component('PayoutCreate'), { ...base, amount: '1.00' }).valid).toBe(true);
  });
});

describe('parameters and error responses', () => {
  it('gives every path parameter an example', () => {
    const missing: string[] = [];
    for (const { path, method, operation } of operations()) {
      const params = [...(spec.paths[path].parameters ?? []), ...(operation.parameters ?? [])].map((p) => deref(p));
      for (const param of params.filter((p) => p.in === 'path')) if (param.example === undefined && !param.examples) missing.push(`${method} ${path} ${param.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('documents the 414 and 431 on every operation, and the 413 on every one that takes a body, as { detail }', () => {
    const missing: string[] = [];
    for (const { path, method, operation } of operations()) {
      const statuses = ['414', '431', ...(operation.requestBody ? ['413'] : [])];
      for (const status of statuses) {
        const response = operation.responses[status] && deref(operation.responses[status]);
        if (!response || !check(response.content['application/json'].schema, { detail: 'Request headers are too large.' }).valid) missing.push(`${method} ${path} ${status}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents the { detail } a body that is not JSON gets, on every 400', () => {
    const parseError = { detail: 'JSON parse error - Expecting value: line 1 column 1 (char 0)' };
    const refused: string[] = [];
    for (const { path, method, operation } of operations()) {
      const response = operation.responses['400'] && deref(operation.responses['400']);
      if (response && !check(response.content['application/json'].schema, parseError).valid) refused.push(`${method} ${path}`);
    }
    expect(refused).toEqual([]);
  });
});

describe('forward compatibility: open response enums, closed request enums (the overview\'s rule)', () => {
  /** An open enum: `anyOf` of the known values and one plain string (or integer) branch that takes any other value. */
  const anyOther = (branch: any) => ['string', 'integer'].includes(branch?.type) && Object.keys(branch).every((key) => key === 'type' || key === 'description');
  const isOpen = (schema: any) => Array.isArray(schema?.anyOf) && schema.anyOf.length === 2 && schema.anyOf.some(anyOther);

  /** Every schema holding an `enum` inside `schema`, with whether an open enum wraps it, following `$ref`s. */
  function enums(schema: any, at: string, open = false, seen = new Set<any>()): { at: string; open: boolean }[] {
    if (!schema || typeof schema !== 'object' || seen.has(schema)) return [];
    seen.add(schema);
    if (schema.$ref) return enums(deref(schema), `${at}→${schema.$ref.split('/').pop()}`, open, seen);
    const here = Array.isArray(schema.enum) ? [{ at, open }] : [];
    const wraps = isOpen(schema);
    return [...here, ...Object.entries(schema).flatMap(([key, value]) => (key === 'examples' ? [] : enums(value, `${at}.${key}`, open || wraps, seen)))];
  }

  const schemasOf = (content: any) => Object.values<any>(content ?? {}).map((media) => media.schema);

  it('opens every enum a response, a webhook payload or a delivery header can carry', () => {
    const closed: string[] = [];
    for (const { path, method, operation } of operations()) {
      for (const [status, response] of Object.entries<any>(operation.responses)) {
        for (const schema of schemasOf(deref(response).content)) closed.push(...enums(schema, `${method} ${path} ${status}`).filter((e) => !e.open).map((e) => e.at));
      }
    }
    for (const { event, operation } of webhookOperations()) {
      for (const schema of schemasOf(operation.requestBody.content)) closed.push(...enums(schema, `webhook ${event}`).filter((e) => !e.open).map((e) => e.at));
      for (const parameter of operation.parameters.map((p: any) => deref(p))) closed.push(...enums(parameter.schema, `webhook ${event} ${parameter.name}`).filter((e) => !e.open).map((e) => e.at));
    }
    expect(closed).toEqual([]);
  });

  it('keeps every enum of a request body or parameter closed', () => {
    const opened: string[] = [];
    const found: string[] = [];
    for (const { path, method, operation } of operations()) {
      const parameters = [...(spec.paths[path].parameters ?? []), ...(operation.parameters ?? [])].map((p) => deref(p));
      const inRequest = [
        ...schemasOf(deref(operation.requestBody)?.content).map((schema) => enums(schema, `${method} ${path} request`)),
        ...parameters.map((parameter) => enums(parameter.schema, `${method} ${path} ${parameter.name}`)),
      ].flat();
      found.push(...inRequest.map((e) => e.at));
      opened.push(...inRequest.filter((e) => e.open).map((e) => e.at));
    }
    expect(opened).toEqual([]);
    expect(found.some((at) => at.includes('WebhookEventName')), 'the webhook events you send are an enum').toBe(true);
  });

  it('accepts an unknown value where a response enum is, and refuses one where a request enum is', () => {
    const payrun = deref(spec.paths['/payruns/{id}/'].get.responses['200']).content['application/json'].schema;
    const base = { id: '1', app: 'https://app.gigapay.com/i/1/', created_at: '2025-01-01T00:00:00Z', currency: 'SEK', metadata: {}, ocr_number: '1', open: false, paid_at: null, pdf: 'https://api.gigapay.com/invoice/1/', price: '1.00' };
    expect(check(payrun, { ...base, latest_status: 'on_hold' }).valid).toBe(true);
    expect(check(payrun, { ...base, latest_status: 'paid' }).valid).toBe(true);
    expect(check(payrun, { ...base, latest_status: 7 }).valid).toBe(false);
    expect(check(component('Webhook'), { id: '1', url: 'https://example.com/', events: ['Prepayment.paid'], secret_key: 'k', metadata: {} }).valid).toBe(true);
    expect(check(component('WebhookCreate'), { url: 'https://example.com/', events: ['Prepayment.paid'] }).valid).toBe(false);
    expect(check(component('WebhookCreate'), { url: 'https://example.com/', events: ['Invoice.paid'] }).valid).toBe(false);
  });
});
