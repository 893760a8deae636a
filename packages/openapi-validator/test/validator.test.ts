// The parsed-value checks the sandbox builds on: query coercion, forms, bodies per media type.
import { describe, expect, it } from 'vitest';
import { OpenApiValidator, type OpenApiDocument } from '../src/index.js';
import { bundledSpec } from './bundled-spec.js';

const spec = bundledSpec();
const validator = new OpenApiValidator(spec, { allErrors: false });

describe('the operations of a document', () => {
  it('lists every operation with its method and template', () => {
    expect(validator.operations.length).toBe(Object.values(spec.paths).flatMap((item) => Object.keys(item).filter((k) => k !== 'parameters')).length);
    expect(validator.operation('createPayout')).toMatchObject({ method: 'POST', path: '/payouts/' });
  });
});

describe('parsing a query', () => {
  it('coerces numbers, true/false and exploded arrays as the schema types them, and keeps other text', () => {
    const query = validator.parseQuery('listPayouts', new URLSearchParams('page=2&expand=employee&expand=invoice&accepted_at_null=true&search=x'));
    expect(query).toEqual({ page: 2, expand: ['employee', 'invoice'], accepted_at_null: true, search: 'x' });
    expect(validator.parseQuery('listPayouts', new URLSearchParams('page=two'))).toEqual({ page: 'two' });
  });

  it('accepts every spelling of a *_null filter the docs use, and nothing else', () => {
    for (const value of ['true', 'false', 'True', 'False']) {
      expect(validator.checkRequestParts('listPayouts', { query: new URLSearchParams({ accepted_at_null: value }) }), value).toEqual([]);
    }
    expect(validator.checkRequestParts('listPayouts', { query: new URLSearchParams({ accepted_at_null: 'yes' }) })).not.toEqual([]);
  });
});

describe('checking parsed parts', () => {
  it('checks a JSON body by media type, and says when the media type is not documented', () => {
    expect(validator.checkRequestParts('createWebhook', { body: { url: 'https://example.com/hook', events: ['Payout.created'] } })).toEqual([]);
    expect(validator.checkRequestParts('createWebhook', { body: { url: 'https://example.com/hook', events: ['Payout.created'] }, mediaType: 'text/plain' })[0]!.message).toMatch(
      /^media type text\/plain is not documented/,
    );
    expect(validator.checkRequestParts('nope', {})[0]!.message).toBe('operation nope is not in the document');
  });

  it('finds the response of a status by code, then range', () => {
    expect(validator.checkResponseParts('retrieveEmployee', { status: 418, body: { detail: 'x' } })[0]!.message).toMatch(/is not documented for retrieveEmployee/);
    expect(validator.checkResponseParts('retrieveEmployee', { status: 404, body: { detail: 'Not found.' } })).toEqual([]);
  });
});

describe('reading a multipart form', () => {
  it('parses JSON fields, keeps text, and names a field whose JSON does not parse', async () => {
    const form = new FormData();
    form.set('name', 'Acme');
    form.set('metadata', '{"a":1}');
    expect(await validator.readForm('updateIntegration', form)).toEqual({ body: { name: 'Acme', metadata: { a: 1 } }, unparsable: [] });
    form.set('metadata', '{');
    expect((await validator.readForm('updateIntegration', form)).unparsable).toEqual(['metadata']);
  });

  it('treats built-in property names as unknown fields, not schema entries', async () => {
    const form = new FormData();
    form.set('constructor', 'x');
    form.set('toString', 'y');
    expect((await validator.readForm('updateIntegration', form)).body).toEqual({ constructor: 'x', toString: 'y' });
  });
});
