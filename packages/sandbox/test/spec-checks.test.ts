// SpecChecks on small hand-written OpenAPI documents: the exact DRF-shaped 400 body for each kind
// of invalid request (the messages the real API uses), and the other questions the sandbox asks of
// the spec. Each case states the whole body, so a changed message or a changed nesting fails.
import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenApiDocument, Schema } from '@gigapay/openapi-validator';
import { SpecChecks } from '../src/internal/spec-checks.js';
import { employeeBody, startForFile } from './helpers.js';

const { call } = await startForFile();

const OPERATION = 'createThing';

/** One `POST /things/` operation whose JSON body is `schema` (plus any named `schemas`). */
const documentFor = (schema: Schema, schemas: Record<string, Schema> = {}): OpenApiDocument => ({
  openapi: '3.1.0',
  info: { title: 'spec-checks', version: '1' },
  paths: {
    '/things/': {
      post: { operationId: OPERATION, requestBody: { content: { 'application/json': { schema } } }, responses: { '201': { description: 'Created' } } },
    },
  },
  components: { schemas },
});

/** The 400 body for `body`, or undefined when it is valid. */
const explain = (schema: Schema, body: unknown, schemas?: Record<string, Schema>) =>
  new SpecChecks(documentFor(schema, schemas)).validateRequest(OPERATION, new URLSearchParams(), body);

/** The errors of a field `f` whose schema is `schema`, when `value` is sent for it. */
const explainField = (schema: Schema, value: unknown) => explain({ type: 'object', properties: { f: schema } }, { f: value });

describe('the message for each kind of problem with a field', () => {
  const cases: [string, Schema, unknown, unknown][] = [
    // Types, named as Python names them.
    ['dict, got list', { type: 'object' }, [1], ['Invalid data. Expected a dictionary, but got list.']],
    ['dict, got str', { type: 'object' }, 'x', ['Invalid data. Expected a dictionary, but got str.']],
    ['dict, got int', { type: 'object' }, 7, ['Invalid data. Expected a dictionary, but got int.']],
    ['dict, got float', { type: 'object' }, 1.5, ['Invalid data. Expected a dictionary, but got float.']],
    ['dict, got bool', { type: 'object' }, false, ['Invalid data. Expected a dictionary, but got bool.']],
    ['dict, got None', { type: 'object' }, null, ['Invalid data. Expected a dictionary, but got NoneType.']],
    ['list, got dict', { type: 'array' }, {}, ['Expected a list of items but got type "dict".']],
    ['null for a string', { type: 'string' }, null, ['This field may not be null.']],
    ['null for an integer', { type: 'integer' }, null, ['This field may not be null.']],
    ['text for an integer', { type: 'integer' }, 'x', ['A valid integer is required.']],
    ['a fraction for an integer', { type: 'integer' }, 1.5, ['A valid integer is required.']],
    ['text for a number', { type: 'number' }, 'x', ['A valid number is required.']],
    ['text for a boolean', { type: 'boolean' }, 'true', ['Must be a valid boolean.']],
    ['a number for a string', { type: 'string' }, 1, ['Not a valid string.']],
    ['an integer is a number', { type: 'number', minimum: 5 }, 3, ['Ensure this value is greater than or equal to 5.']],
    ['a schema false', false, 1, ['This field is not allowed here.']],

    // Lists.
    ['an empty list', { type: 'array', minItems: 1 }, [], ['This list may not be empty.']],
    ['too few items', { type: 'array', minItems: 3 }, [1], ['Ensure this field has at least 3 elements.']],
    ['too many items', { type: 'array', maxItems: 1 }, [1, 2], ['Ensure this field has no more than 1 elements.']],
    ['too few, not too many', { type: 'array', minItems: 3, maxItems: 5 }, [1], ['Ensure this field has at least 3 elements.']],
    ['repeated items', { type: 'array', uniqueItems: true }, [{ a: 1 }, { a: 1 }], ['Items must be unique.']],
    ['repeats, where allowed', { type: 'array', maxItems: 1 }, [1, 1], ['Ensure this field has no more than 1 elements.']],
    ['unique but too many', { type: 'array', uniqueItems: true, maxItems: 2 }, [1, 2, 3], ['Ensure this field has no more than 2 elements.']],
    ['repeated, at the limit', { type: 'array', uniqueItems: true, maxItems: 2 }, [1, 1], ['Items must be unique.']],
    ['an item, by its index', { type: 'array', items: { type: 'integer' } }, [1, 'x'], { 1: ['A valid integer is required.'] }],
    // The list's own message came first: an item's is added to it as `index: message`.
    ['the list and an item', { type: 'array', minItems: 3, items: { type: 'integer' } }, ['x'], ['Ensure this field has at least 3 elements.', '0: A valid integer is required.']],
    ['list limits apply to lists only', { type: ['array', 'string'], minItems: 2, minLength: 5 }, 'x', ['Ensure this field has at least 5 characters.']],

    // Text.
    ['blank', { type: 'string', minLength: 1 }, '', ['This field may not be blank.']],
    ['too short', { type: 'string', minLength: 3 }, 'ab', ['Ensure this field has at least 3 characters.']],
    ['too long', { type: 'string', maxLength: 2 }, 'abc', ['Ensure this field has no more than 2 characters.']],
    // Characters, not UTF-16 units: two emoji are two characters, too few for 3 and not too many for 2.
    ['too short, in characters', { type: 'string', minLength: 3 }, '😀😀', ['Ensure this field has at least 3 characters.']],
    ['not too long, in characters', { type: 'string', maxLength: 2, pattern: '^[a-z]+$' }, '😀😀', ['This value does not match the required pattern ^[a-z]+$.']],
    ['length limits are inclusive', { type: 'string', minLength: 2, maxLength: 2, pattern: '^a' }, 'bb', ['This value does not match the required pattern ^a.']],
    ['an amount with 3 decimals', { type: 'string', pattern: '^-?\\d+(\\.\\d{1,2})?$' }, '1.234', ['A valid number with at most 2 decimal places is required.']],
    ['another pattern', { type: 'string', pattern: '^[A-Z]{3}$' }, 'sek', ['This value does not match the required pattern ^[A-Z]{3}$.']],
    ['patterns are Unicode', { type: 'string', pattern: '^\\p{L}+$', minLength: 3 }, 'éé', ['Ensure this field has at least 3 characters.']],
    ['two problems, in order', { type: 'string', minLength: 3, pattern: '^[0-9]+$' }, 'ab', ['Ensure this field has at least 3 characters.', 'This value does not match the required pattern ^[0-9]+$.']],
    ['an email', { type: 'string', format: 'email' }, 'nope', ['Enter a valid email address.']],
    ['a uri', { type: 'string', format: 'uri' }, 'nope', ['Enter a valid URL.']],
    ['a url', { type: 'string', format: 'url' }, 'nope', ['Enter a valid URL.']],
    [
      'a date-time',
      { type: 'string', format: 'date-time' },
      '2021-13-01',
      ['Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].'],
    ],
    ['another format', { type: 'string', format: 'uuid' }, 'nope', ['Enter a valid uuid.']],
    ['a valid email, too long', { type: 'string', format: 'email', maxLength: 5 }, 'a@b.se', ['Ensure this field has no more than 5 characters.']],
    ['text checks apply to text only', { type: ['string', 'integer'], format: 'email', pattern: '^a', minimum: 10 }, 3, ['Ensure this value is greater than or equal to 10.']],

    // Numbers.
    ['below the minimum', { type: 'integer', minimum: 1 }, 0, ['Ensure this value is greater than or equal to 1.']],
    ['above the maximum', { type: 'integer', maximum: 10 }, 11, ['Ensure this value is less than or equal to 10.']],
    ['above, not below', { type: 'integer', minimum: 1, maximum: 3 }, 5, ['Ensure this value is less than or equal to 3.']],
    ['below, not above', { type: 'integer', minimum: 5, maximum: 10 }, 1, ['Ensure this value is greater than or equal to 5.']],
    ['bounds are inclusive', { type: 'integer', minimum: 2, maximum: 2, enum: [3] }, 2, ['"2" is not a valid choice.']],
    ['bounds apply to numbers only', { type: ['string', 'number'], minimum: 5, maxLength: 0 }, '3', ['Ensure this field has no more than 0 characters.']],

    // Choices and fixed values.
    ['not a choice', { enum: ['SEK', 'EUR'] }, 'USD', ['"USD" is not a valid choice.']],
    ['not a choice, shown as JSON', { enum: [{ a: 2 }] }, { a: 1 }, ['"{"a":1}" is not a valid choice.']],
    ['a choice, too short', { enum: ['a', 'bb'], minLength: 2 }, 'a', ['Ensure this field has at least 2 characters.']],
    ['not the constant', { const: 'a' }, 'b', ['This value is not allowed.']],
    ['the constant, too short', { const: 'a', minLength: 2 }, 'a', ['Ensure this field has at least 2 characters.']],
    ['a value `not` allows', { type: 'string', not: { const: 'admin' } }, 'admin', ['This value is not allowed.']],
    ['object checks apply to objects only', { type: ['object', 'string'], required: ['a'], minLength: 2 }, 'x', ['Ensure this field has at least 2 characters.']],
  ];

  it.each(cases)('%s', (_, schema, value, messages) => {
    expect(explainField(schema, value)).toEqual({ f: messages });
  });
});

describe('the shape of the body, as DRF nests it', () => {
  it('puts a problem of the body itself under non_field_errors', () => {
    expect(explain({ type: 'object' }, [1])).toEqual({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
    expect(explain({ type: 'object', not: { required: ['legacy'] } }, { legacy: 1 })).toEqual({ non_field_errors: ['This value is not allowed.'] });
  });

  it('names each missing field, nested objects by their path', () => {
    const schema = {
      type: 'object',
      required: ['name', 'address'],
      properties: { name: { type: 'string' }, address: { type: 'object', properties: { city: { type: 'object', required: ['zip'] } } } },
    };
    expect(explain(schema, {})).toEqual({ name: ['This field is required.'], address: ['This field is required.'] });
    expect(explain(schema, { name: 'A', address: { city: {} } })).toEqual({ address: { city: { zip: ['This field is required.'] } } });
  });

  it('refuses an unknown field when additionalProperties is false, explains it by the schema, or lets it through', () => {
    const closed = { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false };
    expect(explain(closed, { a: 'x', b: 1 })).toEqual({ b: ['Unknown field.'] });
    expect(explain({ type: 'object', additionalProperties: { type: 'integer' } }, { x: 1, y: 'a' })).toEqual({ y: ['A valid integer is required.'] });
    const open = { type: 'object', properties: { a: { type: 'integer' } } };
    expect(explain(open, { a: 'x', b: 2 })).toEqual({ a: ['A valid integer is required.'] });
    expect(explain({ ...open, additionalProperties: true }, { a: 'x', b: 2 })).toEqual({ a: ['A valid integer is required.'] });
  });

  it('writes a nested problem as `path: message` when its parent already holds messages', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'object', not: { required: ['x'] }, properties: { b: { type: 'object', properties: { c: { type: 'integer' } } } } } },
    };
    expect(explain(schema, { a: { x: 1, b: { c: 'z' } } })).toEqual({ a: ['This value is not allowed.', 'b.c: A valid integer is required.'] });
  });

  it('puts a message of an object that already has field errors under its non_field_errors', () => {
    const schema = { type: 'object', properties: { a: { allOf: [{ properties: { b: { type: 'integer' } } }], not: { required: ['c'] } } } };
    expect(explain(schema, { a: { b: 'x', c: 1 } })).toEqual({ a: { b: ['A valid integer is required.'], non_field_errors: ['This value is not allowed.'] } });
  });

  it('says nothing about a field that is valid', () => {
    // Ajv compares choices as values, whatever the order of their keys; so must the explanation.
    const schema = { type: 'object', properties: { a: { enum: [{ x: 1, y: 2 }] }, b: { type: 'integer' } } };
    expect(explain(schema, { a: { y: 2, x: 1 }, b: 'z' })).toEqual({ b: ['A valid integer is required.'] });
  });

  it('says the same thing once', () => {
    const schemas = { Named: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } };
    expect(explain({ allOf: [{ $ref: '#/components/schemas/Named' }, { required: ['name'] }] }, {}, schemas)).toEqual({ name: ['This field is required.'] });
  });

  it("falls back on Ajv's words for a rule it has no message for", () => {
    expect(explain({ type: 'integer', multipleOf: 5 }, 3)).toEqual({ non_field_errors: ['body must be multiple of 5'] });
    expect(explainField({ type: 'integer', multipleOf: 5 }, 3)).toEqual({ non_field_errors: ['/f must be multiple of 5'] });
  });
});

describe('oneOf and anyOf', () => {
  // The payout's amount basis: exactly one of three fields.
  const basis = {
    type: 'object',
    properties: { amount: { type: 'string' }, invoiced_amount: { type: 'string' }, cost: { type: 'string' } },
    oneOf: [{ required: ['amount'] }, { required: ['invoiced_amount'] }, { required: ['cost'] }],
  };

  it('names the fields of a oneOf of single required fields when none or several are sent', () => {
    const message = { non_field_errors: ['Exactly one of amount, invoiced_amount or cost is required.'] };
    expect(explain(basis, {})).toEqual(message);
    expect(explain(basis, { amount: '1.00', cost: '2.00' })).toEqual(message);
    expect(explain(basis, { amount: '1.00' })).toBeUndefined();
  });

  it('names them under the field whose value it is', () => {
    expect(explainField(basis, {})).toEqual({ f: { non_field_errors: ['Exactly one of amount, invoiced_amount or cost is required.'] } });
  });

  it('counts a null field as not sent', () => {
    const schema = { type: 'object', oneOf: [{ required: ['a'], properties: { a: { type: 'string' } } }, { required: ['b'], properties: { b: { type: 'string' } } }] };
    expect(explain(schema, { b: null })).toEqual({ non_field_errors: ['Exactly one of a or b is required.'] });
  });

  it('explains the branch of the one field that was sent', () => {
    const schema = { type: 'object', oneOf: [{ required: ['a'], properties: { a: { type: 'string' } } }, { required: ['b'], properties: { b: { type: 'string' } } }] };
    expect(explain(schema, { a: 5 })).toEqual({ a: ['Not a valid string.'] });
  });

  it('says "Either … or …" for an anyOf of single required fields when none was sent, else what is wrong with the one sent', () => {
    // The employee's contact: an email or a cellphone number (EmployeeCreate).
    const contact = {
      type: 'object',
      allOf: [
        { properties: { email: { type: 'string', format: 'email' }, cellphone_number: { type: 'string' } } },
        { anyOf: [{ required: ['email'], properties: { email: { type: 'string', format: 'email' } } }, { required: ['cellphone_number'] }] },
      ],
    };
    expect(explain(contact, {})).toEqual({ non_field_errors: ['Either email or cellphone_number is required.'] });
    expect(explain(contact, { email: null })).toEqual({ email: ['This field may not be null.'], non_field_errors: ['Either email or cellphone_number is required.'] });
    // An email was given: the choice holds, and only the email is wrong.
    expect(explain(contact, { email: 'nope' })).toEqual({ email: ['Enter a valid email address.'] });
    expect(explain(contact, { email: 'nope', cellphone_number: 7 })).toEqual({ email: ['Enter a valid email address.'], cellphone_number: ['Not a valid string.'] });
  });

  it('says nothing about a choice that holds when something else is wrong', () => {
    const either = { type: 'object', required: ['c'], anyOf: [{ required: ['a'] }, { required: ['b'] }] };
    expect(explain(either, { a: 1, b: 1 })).toEqual({ c: ['This field is required.'] });
    const exactlyOne = {
      type: 'object',
      required: ['c'],
      properties: { b: { type: ['string', 'null'] } },
      oneOf: [{ required: ['a'] }, { required: ['b'] }],
    };
    // b is sent (as null), so the oneOf holds; c is what is missing.
    expect(explain(exactlyOne, { b: null })).toEqual({ c: ['This field is required.'] });
  });

  it('explains the one branch of the value’s type', () => {
    const idOrEmployee = { oneOf: [{ type: 'string', minLength: 1 }, { type: 'object', required: ['name'] }] };
    expect(explainField(idOrEmployee, '')).toEqual({ f: ['This field may not be blank.'] });
    expect(explainField(idOrEmployee, {})).toEqual({ f: { name: ['This field is required.'] } });
    // An integer fits a number branch.
    expect(explainField({ oneOf: [{ type: 'number', minimum: 10 }, { type: 'string' }] }, 5)).toEqual({ f: ['Ensure this value is greater than or equal to 10.'] });
  });

  it('names the types of all branches when none is of the value’s type', () => {
    // The field admits booleans, no branch does: the message is the first of the branches' types in
    // typeMessage's order (dict, list, …), not the first branch's.
    const schema = { type: ['array', 'number', 'boolean'], oneOf: [{ type: 'number' }, { type: 'array' }] };
    expect(explainField(schema, true)).toEqual({ f: ['Expected a list of items but got type "bool".'] });
    expect(explainField({ type: ['string', 'integer', 'boolean'], oneOf: [{ type: 'string' }, { type: 'integer' }] }, true)).toEqual({ f: ['A valid integer is required.'] });
  });

  it('reports the branch with the fewest problems, a wrong type weighing more than a wrong value', () => {
    const schema = {
      oneOf: [
        { type: 'object', properties: { a: { type: 'integer' } } },
        { type: 'object', required: ['b'], properties: { a: { type: 'string', minLength: 3 } } },
      ],
    };
    // The first branch has one problem (a's type), the second two (a's length, b): the second wins.
    expect(explainField(schema, { a: 'x' })).toEqual({ f: { a: ['Ensure this field has at least 3 characters.'], b: ['This field is required.'] } });
    // Branches that each require several fields are not "one of these fields": the best is explained.
    const either = { oneOf: [{ type: 'object', required: ['a'] }, { type: 'object', required: ['b', 'c'] }] };
    expect(explainField(either, {})).toEqual({ f: { a: ['This field is required.'] } });
    // A tie goes to the first branch.
    const text = { oneOf: [{ type: 'string', minLength: 5 }, { type: 'string', pattern: '^[0-9]+$' }] };
    expect(explainField(text, 'ab')).toEqual({ f: ['Ensure this field has at least 5 characters.'] });
  });

  it('says when a value matches more than one branch of a oneOf', () => {
    const message = 'The value matches more than one of the allowed shapes.';
    expect(explain({ oneOf: [{ type: 'integer' }, { type: 'number' }] }, 5)).toEqual({ non_field_errors: [message] });
    expect(explainField({ oneOf: [{ type: 'integer' }, { type: 'number' }] }, 5)).toEqual({ f: { non_field_errors: [message] } });
    // Also when only one of the matching branches says what type it is.
    expect(explain({ oneOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { required: ['a'] }] }, { a: 'x' })).toEqual({ non_field_errors: [message] });
  });
});

describe('bulk bodies (a oneOf with a list branch)', () => {
  const schemas = { Item: { type: 'object', required: ['amount'], properties: { amount: { type: 'string' }, count: { type: 'integer', multipleOf: 5 } } } };
  const item = { $ref: '#/components/schemas/Item' };
  const bulk = (list: Record<string, unknown> = {}) => ({ oneOf: [item, { type: 'array', minItems: 1, items: item, ...list }] });

  it('answers a list with one error object per item', () => {
    expect(explain(bulk(), [{ amount: '1.00' }, {}], schemas)).toEqual([{}, { amount: ['This field is required.'] }]);
    expect(explain(bulk(), [{}], schemas)).toEqual([{ amount: ['This field is required.'] }]);
    expect(explain(bulk(), [{}, { amount: 1 }], schemas)).toEqual([{ amount: ['This field is required.'] }, { amount: ['Not a valid string.'] }]);
    expect(explain(bulk(), [{ amount: '1.00', count: 3 }], schemas)).toEqual([{ non_field_errors: ['/count must be multiple of 5'] }]);
  });

  it('answers a single object as a single body', () => {
    expect(explain(bulk(), {}, schemas)).toEqual({ amount: ['This field is required.'] });
  });

  it('checks the length of the list before its items', () => {
    expect(explain(bulk(), [], schemas)).toEqual({ non_field_errors: ['This list may not be empty.'] });
    expect(explain(bulk({ minItems: 2 }), [{}], schemas)).toEqual({ non_field_errors: ['Ensure this field has at least 2 elements.'] });
    expect(explain(bulk({ maxItems: 2 }), [{ amount: '1' }, { amount: '2' }, { amount: '3' }], schemas)).toEqual({
      non_field_errors: ['Ensure this field has no more than 2 elements.'],
    });
  });

  it('explains a list as one value when the oneOf has no list branch with items', () => {
    expect(explain({ oneOf: [{ type: 'object' }, { type: 'string' }] }, [1])).toEqual({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
    expect(explain({ oneOf: [{ type: 'object' }, { type: 'array', maxItems: 1 }] }, [1, 2])).toEqual({ non_field_errors: ['Ensure this field has no more than 1 elements.'] });
  });
});

/** An operation with a query, a JSON and a form body, and a response with headers. */
const full: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'spec-checks', version: '1' },
  paths: {
    '/things/': {
      get: {
        operationId: 'listThings',
        parameters: [
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
          { name: 'size', in: 'query', schema: { type: 'integer', multipleOf: 5 } },
          { name: 'tag', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
        ],
        responses: { '200': { description: 'OK' } },
      },
      post: {
        operationId: 'createThing',
        parameters: [{ name: 'dry_run', in: 'query', schema: { type: 'boolean' } }],
        requestBody: {
          content: {
            'application/json': { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } },
            'multipart/form-data': {
              schema: { type: 'object', required: ['title'], properties: { title: { type: 'string' }, count: { type: 'integer' }, metadata: { type: 'object' }, tags: { type: 'array' } } },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created',
            headers: Object.fromEntries(['x-a', 'x-b', 'x-c', 'x-d'].map((name) => [name, { required: true, schema: { type: 'string' } }])),
            content: { 'application/json': { schema: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } } } },
          },
        },
      },
    },
    '/things/{id}/': { delete: { operationId: 'deleteThing', responses: { '204': { description: 'Deleted' } } } },
  },
};
// Built per test, not once per file: a mutant of the constructor is only active while a test runs.
let checks: SpecChecks;
beforeEach(() => {
  checks = new SpecChecks(full);
});
const query = (text = '') => new URLSearchParams(text);

describe('what the sandbox asks of the spec', () => {
  it('lists the operations', () => {
    expect(checks.listOperations()).toEqual([
      { operationId: 'listThings', method: 'GET', path: '/things/' },
      { operationId: 'createThing', method: 'POST', path: '/things/' },
      { operationId: 'deleteThing', method: 'DELETE', path: '/things/{id}/' },
    ]);
  });

  it('names the media types of a request body', () => {
    expect(checks.mediaTypes('createThing')).toEqual(['application/json', 'multipart/form-data']);
    expect(checks.mediaTypes('deleteThing')).toEqual([]);
    expect(checks.mediaTypes('nope')).toEqual([]);
  });

  it('reads a query as its parameters type it', () => {
    expect(checks.parseQuery('listThings', query('page=2&tag=a&tag=b&other=1'))).toEqual({ page: 2, tag: ['a', 'b'] });
  });

  it('reads a form, and names each field whose JSON does not parse', async () => {
    const form = new FormData();
    form.set('title', 'T');
    form.set('count', '3');
    form.set('metadata', '{"a":1}');
    expect(await checks.formBody('createThing', form)).toEqual({ body: { title: 'T', count: 3, metadata: { a: 1 } } });
    form.set('metadata', '{');
    form.set('tags', '[1');
    expect(await checks.formBody('createThing', form)).toEqual({ errors: { metadata: ['Value must be valid JSON.'], tags: ['Value must be valid JSON.'] } });
  });
});

describe('checking a request', () => {
  it('explains a query that breaks its parameters, before and instead of the body', () => {
    expect(checks.validateRequest('listThings', query('page=0'), {})).toEqual({ page: ['Ensure this value is greater than or equal to 1.'] });
    expect(checks.validateRequest('listThings', query('page=two'), {})).toEqual({ page: ['A valid integer is required.'] });
    expect(checks.validateRequest('listThings', query('size=3'), {})).toEqual({ non_field_errors: ['/size must be multiple of 5'] });
    expect(checks.validateRequest('createThing', query('dry_run=maybe'), {})).toEqual({ dry_run: ['Must be a valid boolean.'] });
    expect(checks.validateRequest('listThings', query('page=1&size=5&tag=x'), {})).toBeUndefined();
  });

  it('checks the body against the schema of its media type, JSON unless told', () => {
    expect(checks.validateRequest('createThing', query(), {})).toEqual({ name: ['This field is required.'] });
    expect(checks.validateRequest('createThing', query(), {}, 'application/json')).toEqual({ name: ['This field is required.'] });
    expect(checks.validateRequest('createThing', query(), {}, 'multipart/form-data')).toEqual({ title: ['This field is required.'] });
    expect(checks.validateRequest('createThing', query(), { name: 'N' })).toBeUndefined();
    // A media type the spec does not document is refused before this check (see app.ts).
    expect(checks.validateRequest('createThing', query(), {}, 'text/plain')).toBeUndefined();
  });

  it('has nothing to say about an operation without a body, or one it does not know', () => {
    expect(checks.validateRequest('deleteThing', query(), { anything: 1 })).toBeUndefined();
    expect(checks.validateRequest('nope', query('page=0'), [])).toBeUndefined();
  });
});

describe('checking a response', () => {
  const headers = (names: string[]) => new Headers(names.map((name): [string, string] => [name, 'v']));
  const where = '#/paths/~1things~1/post/responses/201';

  it('passes what the spec documents', () => {
    expect(checks.validateResponse('createThing', 201, { id: '1', name: 'N' })).toBeUndefined();
    expect(checks.validateResponse('createThing', 201, { id: '1', name: 'N' }, headers(['x-a', 'x-b', 'x-c', 'x-d']))).toBeUndefined();
  });

  it('names an undocumented status', () => {
    expect(checks.validateResponse('createThing', 418, {})).toBe('createThing 418 breaks the spec: response 418 is not documented for createThing (documented: 201) (#/paths/~1things~1/post/responses)');
  });

  it('names the first problem of the body, and where in the spec', () => {
    expect(checks.validateResponse('createThing', 201, { name: 1 })).toBe(
      `createThing 201 breaks the spec: response 201 body must have required property 'id' (${where}/content/application~1json/schema/required)`,
    );
  });

  it('checks the headers when given, and names at most three problems', () => {
    expect(checks.validateResponse('createThing', 201, { id: '1', name: 'N' }, headers(['x-a', 'x-b', 'x-c']))).toBe(
      `createThing 201 breaks the spec: response 201 header x-d is required (${where}/headers/x-d)`,
    );
    expect(checks.validateResponse('createThing', 201, { id: '1', name: 'N' }, headers([]))).toBe(
      `createThing 201 breaks the spec: ${['x-a', 'x-b', 'x-c'].map((name) => `response 201 header ${name} is required (${where}/headers/${name})`).join('; ')}`,
    );
  });
});

describe('through the sandbox over HTTP', () => {
  it('answers an invalid email of a new employee with the field and the rule it breaks', async () => {
    const response = await call('POST', 'employees/', employeeBody({ email: 'nope' }));
    expect(response).toMatchObject({ status: 400, body: { email: ['Enter a valid email address.'] } });
    expect(response.body).not.toHaveProperty('non_field_errors');
  });

  it('answers a bulk payout with one error object per item', async () => {
    const response = await call('POST', 'payouts/', [{}, { employee: 'x', amount: '1.234', currency: 'SEK', description: 'd' }]);
    expect(response).toMatchObject({ status: 400 });
    expect(response.body).toEqual([
      {
        employee: ['This field is required.'],
        currency: ['This field is required.'],
        description: ['This field is required.'],
        non_field_errors: ['Exactly one of amount, invoiced_amount or cost is required.'],
      },
      { amount: ['A valid number with at most 2 decimal places is required.'] },
    ]);
  });
});
