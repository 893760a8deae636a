// The validator must catch what breaks the document, or every suite built on it proves nothing.
import { describe, expect, it } from 'vitest';
import { createExchangeValidator, type OpenApiDocument } from '../src/index.js';
import { bundledSpec } from './bundled-spec.js';

const spec = bundledSpec();
const exchange = createExchangeValidator(spec);
const base = 'http://127.0.0.1:4010/v2';
const auth = { authorization: 'Token abc', 'integration-id': 'i1' };
const payout = {
  id: 'p1', amount: '1000.00', cost: '1379.91', currency: 'SEK', description: 'Gig', employee: 'e1', invoice: 'i1',
  metadata: {}, start_at: null, end_at: null, created_at: '2019-05-22T10:32:38.118753Z', notified_at: null, accepted_at: null,
};
const json = new Headers({ 'content-type': 'application/json' });

function request(method: string, path: string, headers: Record<string, string> = auth, body?: unknown) {
  const found = exchange.match(method, new URL(base + path))!;
  return exchange.checkRequest(found, {
    method, url: new URL(base + path), headers: new Headers({ 'content-type': 'application/json', ...headers }),
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('matching a URL to its operation', () => {
  it('finds the template below the server path and reads the path parameters', () => {
    expect(exchange.match('GET', new URL(`${base}/payouts/9472/`))).toMatchObject({ operationId: 'retrievePayout', pathParams: { id: '9472' } });
    expect(exchange.match('PATCH', new URL(`${base}/payouts/9472/resend/`))?.operationId).toBe('resendPayoutNotification');
    expect(exchange.match('GET', new URL(`${base}/payouts/9472`))).toBeUndefined();
    expect(exchange.match('PUT', new URL(`${base}/employees/1847/resend/`))).toBeUndefined();
    expect(exchange.match('GET', new URL('http://127.0.0.1:4010/payouts/'))).toBeUndefined();
  });
});

describe('checking a request', () => {
  it('accepts a conforming request and names each kind of violation', () => {
    expect(request('POST', '/payouts/', auth, { employee: 'e1', currency: 'SEK', description: 'Gig', amount: '10.00' })).toEqual([]);
    expect(request('GET', '/payouts/', { authorization: 'Token abc' })).toEqual([expect.stringMatching(/^header parameter Integration-ID is required \(#\/components\/parameters\//)]);
    expect(request('GET', '/payouts/', { ...auth, authorization: 'Bearer abc' })).toEqual(['header Authorization must be "Token <key>"']);
    expect(request('GET', '/payouts/?expand=employee&expand=invoice&accepted_at_null=true&page=2')).toEqual([]);
    expect(request('GET', '/payouts/?expand=owner')[0]).toMatch(/query parameter expand\/0 must be equal to one of the allowed values/);
    expect(request('GET', '/payouts/?colour=red')).toEqual(['query parameter colour is not documented for listPayouts']);
    expect(request('POST', '/payouts/', auth, { employee: 'e1', currency: 'SEK', description: 'Gig', amount: '1.00', cost: '1.00' }).length).toBeGreaterThan(0);
    expect(request('POST', '/webhooks/', auth)).toEqual([expect.stringMatching(/^request body is required/)]);
  });

  it('reports a body that is not JSON once, not again as missing', () => {
    expect(request('POST', '/webhooks/', auth, '{"url": ')).toEqual(['request body is not JSON: {"url": ']);
    expect(request('GET', '/payouts/', auth, '{}')).toEqual(['listPayouts takes no request body']);
  });
});

describe('checking a response', () => {
  const found = exchange.match('GET', new URL(`${base}/payouts/p1/`))!;

  it('checks that the status is documented and the body conforms', () => {
    expect(exchange.checkResponse(found, { status: 200, headers: json, body: JSON.stringify(payout) })).toEqual([]);
    expect(exchange.checkResponse(found, { status: 201, headers: json, body: '{}' })).toEqual(['status 201 is not documented for retrievePayout']);
    expect(exchange.checkResponse(found, { status: 200, headers: json, body: JSON.stringify({ ...payout, amount: 1000 }) })[0]).toMatch(
      /^response 200 body\/amount must be string \(#\/components\/schemas\/.*\/type\)$/,
    );
    expect(exchange.checkResponse(found, { status: 404, headers: json, body: '{"detail":"Not found."}' })).toEqual([]);
  });

  it('checks the headers a response documents', () => {
    const withHeader = structuredClone(spec) as any;
    withHeader.paths['/payouts/{id}/'].get.responses['404'] = {
      description: 'Not found',
      headers: { 'Request-Id': { required: true, schema: { type: 'string', pattern: '^req_' } } },
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorDetail' } } },
    };
    const strict = createExchangeValidator(withHeader);
    const at = strict.match('GET', new URL(`${base}/payouts/p1/`))!;
    const body = '{"detail":"Not found."}';
    const headers = (extra: Record<string, string> = {}) => new Headers({ 'content-type': 'application/json', ...extra });
    expect(strict.checkResponse(at, { status: 404, headers: headers({ 'request-id': 'req_1' }), body })).toEqual([]);
    expect(strict.checkResponse(at, { status: 404, headers: headers(), body })).toEqual([expect.stringMatching(/^response 404 header Request-Id is required/)]);
    expect(strict.checkResponse(at, { status: 404, headers: headers({ 'request-id': '1' }), body })[0]).toMatch(/^response 404 header Request-Id must match pattern/);
  });
});

describe('what a response carries besides its body', () => {
  const retrieve = exchange.match('GET', new URL(`${base}/payouts/p1/`))!;
  const remove = exchange.match('DELETE', new URL(`${base}/payouts/p1/`))!;

  // fetch hands over no body for a 204 whatever came on the wire: what the headers declare is the evidence.
  it('refuses a 204 that declares a body, even when fetch has dropped it', () => {
    expect(exchange.checkResponse(remove, { status: 204, headers: new Headers(), body: '' })).toEqual([]);
    expect(exchange.checkResponse(remove, { status: 204, headers: new Headers({ 'content-length': '0' }), body: '' })).toEqual([]);
    expect(exchange.checkResponse(remove, { status: 204, headers: json, body: '' })).toEqual([
      'status 204 of deletePayout documents no body, but the response declares content-type application/json',
    ]);
    expect(exchange.checkResponse(remove, { status: 204, headers: new Headers({ 'content-length': '2' }), body: '' })).toEqual([
      'status 204 of deletePayout documents no body, but the response declares content-length 2',
    ]);
    expect(exchange.checkResponse(remove, { status: 204, headers: new Headers(), body: '{}' })).toEqual(['status 204 of deletePayout documents no body, got {}']);
  });

  it('refuses JSON under any media type but the documented application/json', () => {
    const body = JSON.stringify(payout);
    for (const contentType of ['application/json', 'application/json; charset=utf-8', 'Application/JSON ;charset=UTF-8']) {
      expect(exchange.checkResponse(retrieve, { status: 200, headers: new Headers({ 'content-type': contentType }), body }), contentType).toEqual([]);
    }
    for (const contentType of ['text/plain', 'text/plain; charset=utf-8', 'application/jsonp', 'application/json-patch+json', 'application/problem+json']) {
      expect(exchange.checkResponse(retrieve, { status: 200, headers: new Headers({ 'content-type': contentType }), body }), contentType).toEqual([
        `response content-type ${contentType} is not application/json`,
      ]);
    }
    expect(exchange.checkResponse(retrieve, { status: 200, headers: new Headers(), body })).toEqual(['response content-type (none) is not application/json']);
    expect(request('POST', '/webhooks/', { ...auth, 'content-type': 'application/jsonp' }, { url: 'https://example.com/hook' })).toEqual([
      'request content-type application/jsonp is not application/json',
    ]);
  });
});

describe('checking a webhook notification', () => {
  it('checks the payload and the signature header', () => {
    const headers = new Headers({ 'gigapay-signature': `t=1583327301,v1=${'a'.repeat(64)}`, 'gigapay-event': 'Payout.created', 'gigapay-integration-id': '123' });
    expect(exchange.checkWebhook('Payout.created', headers, JSON.stringify(payout))).toEqual([]);
    expect(exchange.checkWebhook('Payout.created', new Headers(), JSON.stringify(payout))).toEqual([
      'header Gigapay-Signature is required',
      'header Gigapay-Event is required',
      'header Gigapay-Integration-Id is required',
    ]);
    expect(exchange.checkWebhook('Payout.sent', headers, '{}')).toEqual(['event Payout.sent is not documented']);
  });
});
