// The validator on a small hand-written document that has one of each thing it reads: path-item
// and operation parameters (query, path, header, cookie, by $ref), request bodies per media type,
// responses by code, range and default, response headers, x- keywords. Each test builds its own
// validator: the constructor is where the document is read, and a mutant of it is only active
// while a test runs.
import { describe, expect, it } from 'vitest';
import { OpenApiValidator, type OpenApiDocument, type Schema } from '../src/index.js';

const document = (): OpenApiDocument => ({
  openapi: '3.1.0',
  paths: {
    '/things/': {
      parameters: [{ name: 'Account', in: 'header', required: true, schema: { type: 'string' } }],
      get: {
        operationId: 'listThings',
        parameters: [
          { name: 'page', in: 'query', schema: { type: 'integer' } },
          { name: 'amount', in: 'query', schema: { type: 'number' } },
          { name: 'search', in: 'query', schema: { type: 'string' } },
          { name: 'dry_run', in: 'query', schema: { type: 'boolean' } },
          { name: 'ids', in: 'query', required: true, schema: { type: 'array', items: { type: 'integer' } } },
          { name: 'session', in: 'cookie', required: true, schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            description: 'OK',
            headers: { 'Request-Id': { required: true, schema: { type: 'string', pattern: '^req_' } }, 'Retry-After': { schema: { type: 'string' } } },
            content: { 'application/json': { schema: { type: 'array' } } },
          },
          '4XX': { $ref: '#/components/responses/Error' },
          default: { description: 'Other', content: { 'text/plain': { schema: { type: 'string' } } } },
        },
      },
      post: {
        operationId: 'createThing',
        requestBody: { $ref: '#/components/requestBodies/Thing' },
        responses: { '201': { description: 'Created' }, '409': { $ref: '#/components/responses/Error' } },
      },
    },
    '/things/{id}/': {
      parameters: [{ $ref: '#/components/parameters/Id' }],
      delete: { operationId: 'deleteThing', responses: { '204': { description: 'Deleted' } } },
    },
    '/inline/': {
      put: {
        operationId: 'replaceInline',
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { a: { type: 'string' } } } } } },
        responses: { '200': { description: 'OK' } },
      },
    },
  },
  components: {
    parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9]+$' } } },
    requestBodies: {
      Thing: {
        required: true,
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/Thing' } },
          'multipart/form-data': { schema: { $ref: '#/components/schemas/ThingForm' } },
          'application/octet-stream': {},
        },
      },
    },
    responses: { Error: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
    schemas: {
      Thing: { type: 'object', required: ['name'], properties: { name: { type: 'string', example: 'A', 'x-internal': true }, legacy: false } },
      ThingForm: {
        type: 'object',
        properties: {
          title: { type: 'string' },
          note: { type: ['string', 'null'] },
          count: { type: 'integer' },
          tags: { type: 'array' },
          metadata: { type: 'object' },
          logo: { type: ['string', 'null'] },
        },
      },
      Error: { type: 'object', required: ['detail'], properties: { detail: { type: 'string' } } },
    },
  },
});

const validator = (options?: { allErrors?: boolean }) => new OpenApiValidator(document(), options);
const thingsItem = (v: OpenApiValidator) => v.document.paths['/things/']!;

describe('reading the document', () => {
  it('lists each operation with its method, template, parameters (path-item ones first) and query', () => {
    const v = validator();
    expect(v.operations.map((o) => `${o.method} ${o.path} ${o.operationId}`)).toEqual(['GET /things/ listThings', 'POST /things/ createThing', 'DELETE /things/{id}/ deleteThing', 'PUT /inline/ replaceInline']);
    const list = v.operation('listThings')!;
    expect(list.parameters.map((p) => `${String(p.in)} ${String(p.name)}`)).toEqual(['header Account', 'query page', 'query amount', 'query search', 'query dry_run', 'query ids', 'cookie session']);
    expect(list.query).toEqual([
      { name: 'page', schema: { type: 'integer' }, required: false, isArray: false },
      { name: 'amount', schema: { type: 'number' }, required: false, isArray: false },
      { name: 'search', schema: { type: 'string' }, required: false, isArray: false },
      { name: 'dry_run', schema: { type: 'boolean' }, required: false, isArray: false },
      { name: 'ids', schema: { type: 'array', items: { type: 'integer' } }, required: true, isArray: true },
    ]);
    expect(list.querySchema).toEqual({
      type: 'object',
      properties: { page: { type: 'integer' }, amount: { type: 'number' }, search: { type: 'string' }, dry_run: { type: 'boolean' }, ids: { type: 'array', items: { type: 'integer' } } },
      required: ['ids'],
    });
    expect([...list.responses.keys()]).toEqual(['200', '4XX', 'default']);
    expect(list.responses.get('4XX')).toMatchObject({ description: 'Error' });
    expect(v.operation('deleteThing')!.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9]+$' } }]);
    expect(v.operation('replaceInline')!.parameters).toEqual([]);
    expect(v.operation('nope')).toBeUndefined();
  });

  it('keeps the request body schema of each media type that has one', () => {
    const create = validator().operation('createThing')!;
    expect(create.requestBody).toMatchObject({ required: true });
    expect([...create.bodies.keys()]).toEqual(['application/json', 'multipart/form-data']);
    expect(validator().operation('listThings')!.bodies.size).toBe(0);
  });

  it('reads a document without components', () => {
    const bare = new OpenApiValidator({ paths: { '/ping/': { get: { operationId: 'ping', responses: { '204': { description: 'Pong' } } } } } });
    expect(bare.checkResponseParts('ping', { status: 204, body: undefined })).toEqual([]);
  });

  it('names where a node sits in the document', () => {
    const v = validator();
    expect(v.pointerOf(thingsItem(v))).toBe('#/paths/~1things~1');
    expect(v.pointerOf({})).toBe('#');
    expect(v.pointerOf(null)).toBe('#');
  });
});

describe('compiling schemas', () => {
  it('compiles a schema once, and boolean schemas too', () => {
    const v = validator();
    const schema = { type: 'string' };
    expect(v.validator(schema)).toBe(v.validator(schema));
    expect([v.passes(schema, 'x'), v.passes(schema, 1), v.passes(true, 1), v.passes(false, 1)]).toEqual([true, false, true, false]);
  });

  it('checks a format on its own', () => {
    const v = validator();
    expect([v.passesFormat('email', 'a@b.se'), v.passesFormat('email', 'nope'), v.passesFormat('email', 'c@d.se'), v.passesFormat('date', '2021-02-30')]).toEqual([true, false, true, false]);
  });

  it('is strict about unknown keywords, but knows OpenAPI’s and the document’s x- keywords', () => {
    const v = validator();
    expect(() => v.validator({ type: 'string', colour: 'red' })).toThrow('strict mode: unknown keyword: "colour"');
    expect(() => v.validator({ type: 'string', 'x-other': true })).toThrow('strict mode: unknown keyword: "x-other"');
    expect(v.passes({ type: 'string', example: 'x', 'x-internal': true }, 'x')).toBe(true);
  });

  it('takes required fields without properties, keywords without a type, and union types', () => {
    const v = validator();
    expect([v.passes({ type: 'object', required: ['a'] }, {}), v.passes({ properties: { a: { type: 'string' } } }, { a: 1 }), v.passes({ type: ['string', 'null'] }, null)]).toEqual([false, false, true]);
  });

  it('reports every problem of a value unless told to stop at the first', () => {
    const schema = { type: 'object', required: ['a', 'b'] };
    expect(validator().problems(schema, {}, 'value').map((p) => p.message)).toEqual(["must have required property 'a'", "must have required property 'b'"]);
    expect(validator({ allErrors: false }).problems(schema, {}, 'value').map((p) => p.message)).toEqual(["must have required property 'a'"]);
  });
});

describe('where a problem is', () => {
  it('names the failing schema by its place in the document, inline or by $ref', () => {
    const v = validator();
    expect(v.checkRequestParts('replaceInline', { body: { a: 1 } })).toEqual([
      { where: 'request body', instancePath: '/a', message: 'must be string', schemaPath: '#/paths/~1inline~1/put/requestBody/content/application~1json/schema/properties/a/type' },
    ]);
    // A boolean schema is no object to look up: its path comes from Ajv, relative to the document.
    expect(v.checkRequestParts('createThing', { body: { name: 'A', legacy: 1 } })).toEqual([
      { where: 'request body', instancePath: '/legacy', message: 'boolean schema is false', schemaPath: '#/components/schemas/Thing/properties/legacy/false schema' },
    ]);
  });

  it('names a schema that is not in the document by its own paths', () => {
    expect(validator().problems({ type: 'string' }, 1, 'value')).toEqual([{ where: 'value', instancePath: '', message: 'must be string', schemaPath: '#/type' }]);
    expect(validator().problems({ type: 'string' }, 'x', 'value')).toEqual([]);
  });
});

describe('types a schema admits', () => {
  const cases: [string, Schema, string[]][] = [
    ['true', true, []],
    ['false', false, []],
    ['unconstrained', {}, []],
    ['a type', { type: 'string' }, ['string']],
    ['a union', { type: ['string', 'null'] }, ['string', 'null']],
    ['a constant', { const: 5 }, ['integer']],
    ['choices', { enum: ['a', 1.5, null] }, ['string', 'number', 'null']],
    ['a $ref', { $ref: '#/components/schemas/Thing' }, ['object']],
    ['allOf', { allOf: [{ type: 'object' }] }, ['object']],
    ['oneOf', { oneOf: [{ type: 'string' }, { type: 'integer' }] }, ['string', 'integer']],
    // An allOf that says nothing about types does not hide the anyOf after it.
    ['an untyped allOf, then anyOf', { allOf: [{ description: 'x' }], anyOf: [{ type: 'boolean' }] }, ['boolean']],
  ];

  it.each(cases)('%s', (_, schema, types) => {
    expect([...validator().typesOf(schema)]).toEqual(types);
  });
});

describe('reading a query', () => {
  it('coerces numbers and booleans where the schema wants them, and repeated array values', () => {
    const query = new URLSearchParams('page=1&page=12&amount=-1.25&search=123&dry_run=false&ids=1&ids=2&other=x');
    expect(validator().parseQuery('listThings', query)).toEqual({ page: 12, amount: -1.25, search: '123', dry_run: false, ids: [1, 2] });
  });

  it('keeps text that does not read as what the schema wants', () => {
    const read = (text: string) => validator().parseQuery('listThings', new URLSearchParams(text));
    expect([read('page=x1'), read('page=1x'), read('amount=1.'), read('amount=1.x5'), read('dry_run=maybe')]).toEqual([
      { page: 'x1' },
      { page: '1x' },
      { amount: '1.' },
      { amount: '1.x5' },
      { dry_run: 'maybe' },
    ]);
    expect(validator().parseQuery('nope', new URLSearchParams('page=1'))).toEqual({});
  });
});

describe('reading a form', () => {
  it('reads each field as its schema types it', async () => {
    const form = new FormData();
    form.set('title', '');
    form.set('note', '');
    form.set('count', '3');
    form.set('tags', '["a"]');
    form.set('metadata', '{"a":1}');
    form.set('logo', new Blob(['hi']), 'logo.png');
    form.set('other', '4');
    expect(await validator().readForm('createThing', form)).toEqual({
      body: { title: '', note: null, count: 3, tags: ['a'], metadata: { a: 1 }, logo: 'aGk=', other: '4' },
      unparsable: [],
    });
  });

  it('reads an empty file of a nullable field as null, and text of a nullable field as text', async () => {
    const form = new FormData();
    form.set('logo', new Blob([]), 'empty.png');
    form.set('note', 'n');
    expect(await validator().readForm('createThing', form)).toEqual({ body: { logo: null, note: 'n' }, unparsable: [] });
  });

  it('names the fields whose JSON does not parse, and reads an unknown operation’s form as text', async () => {
    const form = new FormData();
    form.set('tags', '[');
    form.set('count', '3');
    expect(await validator().readForm('createThing', form)).toEqual({ body: { count: 3 }, unparsable: ['tags'] });
    expect(await validator().readForm('nope', form)).toEqual({ body: { tags: '[', count: '3' }, unparsable: [] });
  });
});

describe('checking a request', () => {
  const ids = new URLSearchParams('ids=1');

  it('names an operation it does not know', () => {
    expect(validator().checkRequestParts('nope', {})).toEqual([{ where: 'request', instancePath: '', message: 'operation nope is not in the document', schemaPath: '#/paths' }]);
  });

  it('always checks the query, and path parameters and headers when given (never cookies)', () => {
    const v = validator();
    expect(v.checkRequestParts('listThings', {})).toEqual([{ where: 'query parameter ids', instancePath: '', message: 'is required', schemaPath: '#/paths/~1things~1/get/parameters/4' }]);
    expect(v.checkRequestParts('listThings', { query: ids, pathParams: {} })).toEqual([]);
    expect(v.checkRequestParts('listThings', { query: ids, headers: new Headers() })).toEqual([
      { where: 'header parameter Account', instancePath: '', message: 'is required', schemaPath: '#/paths/~1things~1/parameters/0' },
    ]);
    expect(v.checkRequestParts('listThings', { query: ids, headers: new Headers({ account: 'a' }) })).toEqual([]);
    expect(v.checkRequestParts('deleteThing', {})).toEqual([]);
    expect(v.checkRequestParts('deleteThing', { pathParams: { id: '12' } })).toEqual([]);
    expect(v.checkRequestParts('deleteThing', { pathParams: { id: 'abc' } })).toEqual([
      { where: 'path parameter id', instancePath: '', message: 'must match pattern "^[0-9]+$"', schemaPath: '#/components/parameters/Id/schema/pattern' },
    ]);
  });

  it('checks the body by its media type, and says when a required body is missing', () => {
    const v = validator();
    const missing = [{ where: 'request body', instancePath: '', message: 'is required', schemaPath: '#/components/requestBodies/Thing' }];
    expect(v.checkRequestParts('createThing', {})).toEqual(missing);
    expect(v.checkRequestParts('createThing', { body: undefined })).toEqual(missing);
    expect(v.checkRequestParts('createThing', { body: { name: 'A' } })).toEqual([]);
    expect(v.checkRequestParts('createThing', { body: {} })).toEqual([
      { where: 'request body', instancePath: '', message: "must have required property 'name'", schemaPath: '#/components/schemas/Thing/required' },
    ]);
    expect(v.checkRequestParts('createThing', { body: { count: 'x' }, mediaType: 'multipart/form-data' })).toEqual([
      { where: 'request body', instancePath: '/count', message: 'must be integer', schemaPath: '#/components/schemas/ThingForm/properties/count/type' },
    ]);
    expect(v.checkRequestParts('createThing', { body: {}, mediaType: 'text/plain' })).toEqual([
      { where: 'request body', instancePath: '', message: 'media type text/plain is not documented (documented: application/json, multipart/form-data)', schemaPath: '#/components/requestBodies/Thing' },
    ]);
    // An operation without a request body has nothing to say about one.
    expect(v.checkRequestParts('deleteThing', { body: {}, mediaType: 'text/plain' })).toEqual([]);
  });
});

describe('checking a response', () => {
  it('finds the documented response by code, then range, then default', () => {
    const v = validator();
    expect([200, 404, 500].map((status) => v.responseFor('listThings', status)?.description)).toEqual(['OK', 'Error', 'Other']);
    expect(v.responseFor('createThing', 500)).toBeUndefined();
    expect(v.responseFor('nope', 200)).toBeUndefined();
  });

  it('names an operation it does not know, and a status it does not document', () => {
    const v = validator();
    expect(v.checkResponseParts('nope', { status: 200, body: undefined })).toEqual([
      { where: 'response', instancePath: '', message: 'operation nope is not in the document', schemaPath: '#/paths' },
    ]);
    expect(v.checkResponseParts('createThing', { status: 418, body: undefined })).toEqual([
      { where: 'response 418', instancePath: '', message: 'is not documented for createThing (documented: 201, 409)', schemaPath: '#/paths/~1things~1/post/responses' },
    ]);
  });

  it('checks the headers when given: required ones, and each one’s schema', () => {
    const v = validator();
    const ok = (headers?: Headers) => v.checkResponseParts('listThings', { status: 200, body: [], ...(headers ? { headers } : {}) });
    const at = '#/paths/~1things~1/get/responses/200/headers/Request-Id';
    expect(ok()).toEqual([]);
    expect(ok(new Headers({ 'request-id': 'req_1' }))).toEqual([]);
    expect(ok(new Headers())).toEqual([{ where: 'response 200 header Request-Id', instancePath: '', message: 'is required', schemaPath: at }]);
    expect(ok(new Headers({ 'request-id': '1' }))).toEqual([{ where: 'response 200 header Request-Id', instancePath: '', message: 'must match pattern "^req_"', schemaPath: `${at}/schema/pattern` }]);
  });

  it('checks a JSON body, refuses a body where none is documented, and leaves other media types alone', () => {
    const v = validator();
    expect(v.checkResponseParts('listThings', { status: 404, body: {} })).toEqual([
      { where: 'response 404 body', instancePath: '', message: "must have required property 'detail'", schemaPath: '#/components/schemas/Error/required' },
    ]);
    expect(v.checkResponseParts('deleteThing', { status: 204, body: undefined })).toEqual([]);
    expect(v.checkResponseParts('deleteThing', { status: 204, body: {} })).toEqual([
      { where: 'response 204', instancePath: '', message: 'has a body, but the document describes none', schemaPath: '#/paths/~1things~1{id}~1/delete/responses/204' },
    ]);
    expect(v.checkResponseParts('listThings', { status: 500, body: 'oops' })).toEqual([]);
  });
});
