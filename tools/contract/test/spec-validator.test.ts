// The validator must catch what breaks the spec, or the contract suite proves nothing.
import { describe, expect, it } from 'vitest';
import { createContractRecorder, createSpecValidator } from '../src/index.js';
import { spec } from './spec.js';

const validator = createSpecValidator(spec);
const base = 'http://127.0.0.1:4010/v2';
const auth = { authorization: 'Token abc', 'integration-id': 'i1' };
const payout = {
  id: 'p1', amount: '1000.00', cost: '1379.91', currency: 'SEK', description: 'Gig', employee: 'e1', invoice: 'i1',
  metadata: {}, start_at: null, end_at: null, created_at: '2019-05-22T10:32:38.118753Z', notified_at: null, accepted_at: null,
};

function request(method: string, path: string, headers: Record<string, string> = auth, body?: unknown) {
  const found = validator.match(method, new URL(base + path))!;
  const problems = validator.checkRequest(found, {
    method, url: new URL(base + path), headers: new Headers({ 'content-type': 'application/json', ...headers }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { found, problems };
}

describe('the spec validator', () => {
  it('matches paths with their parameters', () => {
    expect(validator.match('GET', new URL(`${base}/payouts/9472/`))).toMatchObject({ operationId: 'retrievePayout', pathParams: { id: '9472' } });
    expect(validator.match('PATCH', new URL(`${base}/payouts/9472/resend/`))?.operationId).toBe('resendPayoutNotification');
    expect(validator.match('GET', new URL(`${base}/payouts/9472`))).toBeUndefined();
    expect(validator.match('PUT', new URL(`${base}/payouts/9472/resend/`))).toBeUndefined();
  });

  it('accepts a conforming request and flags each kind of violation', () => {
    expect(request('POST', '/payouts/', auth, { employee: 'e1', currency: 'SEK', description: 'Gig', amount: '10.00' }).problems).toEqual([]);
    expect(request('GET', '/payouts/', { authorization: 'Token abc' }).problems).toEqual(['header parameter Integration-ID is required']);
    expect(request('GET', '/payouts/', { ...auth, authorization: 'Bearer abc' }).problems).toEqual(['header Authorization must be "Token <key>"']);
    expect(request('GET', '/payouts/?expand=employee&expand=invoice&accepted_at_null=true&page=2').problems).toEqual([]);
    expect(request('GET', '/payouts/?expand=owner').problems[0]).toMatch(/query parameter expand\/0 must be equal to one of the allowed values/);
    expect(request('GET', '/payouts/?colour=red').problems).toEqual(['query parameter colour is not documented for listPayouts']);
    const twoBases = request('POST', '/payouts/', auth, { employee: 'e1', currency: 'SEK', description: 'Gig', amount: '1.00', cost: '1.00' });
    expect(twoBases.problems.length).toBeGreaterThan(0);
    expect(request('POST', '/webhooks/', auth).problems).toEqual(['a request body is required']);
  });

  it('checks that a response status is documented and its body conforms', () => {
    const found = validator.match('GET', new URL(`${base}/payouts/p1/`))!;
    const json = new Headers({ 'content-type': 'application/json' });
    expect(validator.checkResponse(found, { status: 200, headers: json, body: JSON.stringify(payout) })).toEqual([]);
    expect(validator.checkResponse(found, { status: 201, headers: json, body: '{}' })).toEqual(['status 201 is not documented for retrievePayout']);
    expect(validator.checkResponse(found, { status: 200, headers: json, body: JSON.stringify({ ...payout, amount: 1000 }) })[0]).toMatch(/amount must be string/);
    expect(validator.checkResponse(found, { status: 404, headers: json, body: '{"detail":"Not found."}' })).toEqual([]);
  });

  it('checks the headers a response documents', () => {
    // The Gigapay spec documents no response header, so this uses a copy that adds one.
    const withHeader = structuredClone(spec);
    withHeader.paths['/payouts/{id}/'].get.responses['404'] = {
      description: 'Not found',
      headers: { 'Request-Id': { required: true, schema: { type: 'string', pattern: '^req_' } } },
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorDetail' } } },
    };
    const strict = createSpecValidator(withHeader);
    const found = strict.match('GET', new URL(`${base}/payouts/p1/`))!;
    const body = '{"detail":"Not found."}';
    const headers = (extra: Record<string, string> = {}) => new Headers({ 'content-type': 'application/json', ...extra });
    expect(strict.checkResponse(found, { status: 404, headers: headers({ 'request-id': 'req_1' }), body })).toEqual([]);
    expect(strict.checkResponse(found, { status: 404, headers: headers(), body })).toEqual(['response header Request-Id is required']);
    expect(strict.checkResponse(found, { status: 404, headers: headers({ 'request-id': '1' }), body })[0]).toMatch(/^response header Request-Id must match pattern/);
  });

  it('checks webhook payloads and their signature header', () => {
    const headers = new Headers({ 'gigapay-signature': `t=1583327301,v1=${'a'.repeat(64)}` });
    expect(validator.checkWebhook('Payout.created', headers, JSON.stringify(payout))).toEqual([]);
    expect(validator.checkWebhook('Payout.created', new Headers(), JSON.stringify(payout))).toEqual(['header Gigapay-Signature is required']);
    expect(validator.checkWebhook('Payout.sent', headers, '{}')).toEqual(['event Payout.sent is not documented']);
  });
});

describe('the contract recorder', () => {
  it('counts covered statuses and names what is missing', async () => {
    const recorder = createContractRecorder(spec);
    const fetch = recorder.wrap(async () => new Response(JSON.stringify(payout), { status: 200, headers: { 'content-type': 'application/json' } }));
    await fetch(`${base}/payouts/p1/`, { headers: auth });
    const coverage = recorder.coverage();
    expect(recorder.violations).toEqual([]);
    expect(coverage.operations).toEqual({ covered: 1, total: 31 });
    expect(coverage.missing).toContain('retrievePayout 404');
    expect(coverage.missing).not.toContain('retrievePayout 200');
    expect(coverage.missing).toContain('event Invoice.paid');
  });
});
