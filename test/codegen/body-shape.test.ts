import { describe, expect, test } from 'vitest';
import { bodyShape } from '../../codegen/body-shape';
import type { OpenApiDocument, SchemaObject } from '../../codegen/spec-model';

const doc = (schemas: Record<string, SchemaObject>): OpenApiDocument => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {},
  components: { schemas },
});
const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });
const login: SchemaObject = {
  type: 'object',
  required: ['email', 'password'],
  properties: { email: { type: 'string' }, password: { type: 'string', 'x-lr-sensitive': true } },
  additionalProperties: false,
};

describe('bodyShape writes the top level of a body schema compactly', () => {
  test.for<[string, Record<string, SchemaObject>, SchemaObject, unknown]>([
    [
      'a closed schema by $ref: required fields marked, grouped by code, no "*"',
      { Login: login },
      ref('Login'),
      { '!s': 'email password' },
    ],
    [
      'nullable type arrays and every JSON type',
      {},
      {
        type: 'object',
        properties: {
          a: { type: ['string', 'null'] },
          b: { type: 'integer' },
          c: { type: 'number' },
          d: { type: ['boolean', 'null'] },
          e: { type: 'array', items: { type: 'string' } },
          f: { type: 'object' },
          g: {},
        },
        additionalProperties: false,
      },
      { sz: 'a', i: 'b', n: 'c', bz: 'd', a: 'e', o: 'f', '': 'g' },
    ],
    [
      'listed values (null left to the type)',
      {},
      { type: 'object', properties: { unit: { type: ['string', 'null'], enum: ['day', 'month', null] } }, additionalProperties: false },
      { 'sz=day|month': 'unit' },
    ],
    [
      'a field that is a $ref or null (oneOf)',
      { Country: { type: 'object', properties: { Code: { type: 'string' } } } },
      { type: 'object', properties: { Country: { oneOf: [ref('Country'), { type: 'null' }] } }, additionalProperties: false },
      { oz: 'Country' },
    ],
    ['an open schema: "*" takes any other field', {}, { type: 'object', properties: { Uid: { type: 'string' } } }, { s: 'Uid', '': '*' }],
    ['typed other fields', {}, { type: 'object', properties: {}, additionalProperties: { type: 'string' } }, { s: '*' }],
    [
      'allOf parts add their fields; the outer schema adds required names and decides on other fields',
      { Fields: { type: 'object', properties: { email: { type: 'string' }, password: { type: 'string' } } } },
      { type: 'object', allOf: [ref('Fields')], required: ['password'], additionalProperties: true },
      { s: 'email', '!s': 'password', '': '*' },
    ],
    [
      'a oneOf body: one shape per alternative',
      { Login: login, PhoneLogin: { ...login, required: ['phone'], properties: { phone: { type: 'string' } } } },
      { oneOf: [ref('Login'), ref('PhoneLogin')] },
      [{ '!s': 'email password' }, { '!s': 'phone' }],
    ],
  ])('%s', ([, schemas, schema, want]) => expect(bodyShape(doc(schemas), schema, 'POST /x')).toEqual(want));

  test.for<[string, SchemaObject]>([
    ['an array body', { type: 'array', items: { type: 'string' } }],
    ['a $ref to nowhere', ref('Missing')],
    ['a field name with a space', { type: 'object', properties: { 'first name': { type: 'string' } } }],
    ['listed values that are not strings', { type: 'object', properties: { n: { type: 'integer', enum: [1, 2] } } }],
  ])('fails on %s rather than guess', ([, schema]) => {
    expect(() => bodyShape(doc({}), schema, 'POST /x')).toThrow(/^POST \/x/);
  });

  test('every operation of the spec has a shape for its body', async () => {
    const { callables } = await import('../support/spec');
    const login = callables.find((c) => c.name === 'loginByEmail')!;
    expect(login.body?.shape).toEqual({ '!s': 'email password', o: 'securityanswer', s: 'g-recaptcha-response' });
    expect(callables.filter((c) => c.body && !c.body.shape)).toEqual([]);
  });
});
