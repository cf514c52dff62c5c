import { describe, expect, test } from 'vitest';
import { LoginRadiusValidationError, type OperationDescriptor } from '../../src/index';
import { validateParams } from '../../src/call/validate';

const op: OperationDescriptor = {
  id: 'updateThing',
  method: 'PUT',
  path: '/things/{uid}',
  security: [['apiKey']],
  pathParams: ['uid'],
  query: { Email: { type: 'string', required: true }, isVoiceOtp: { type: 'boolean' }, expiresIn: { type: 'integer' } },
  body: 'required',
};
const valid = { path: { uid: 'u1' }, query: { Email: 'a@example.com' }, body: { firstName: 'Jane' } };

describe('validateParams rejects bad input with the parameter named', () => {
  test.for<[string, unknown, string]>([
    ['params that are not an object', 'oops', 'params'],
    ['an unknown top-level key', { ...valid, uid: 'u1' }, 'uid'],
    ['missing path params', { ...valid, path: undefined }, 'path'],
    ['an empty path param', { ...valid, path: { uid: '' } }, 'path.uid'],
    ['a path param with a slash', { ...valid, path: { uid: 'a/b' } }, 'path.uid'],
    ['a path param with ..', { ...valid, path: { uid: '..' } }, 'path.uid'],
    ['a path param with a control character', { ...valid, path: { uid: 'a\u0000' } }, 'path.uid'],
    ['a path param that is an object', { ...valid, path: { uid: {} } }, 'path.uid'],
    ['a missing required query param', { ...valid, query: {} }, 'query.Email'],
    ['an empty required query param', { ...valid, query: { Email: '' } }, 'query.Email'],
    ['a wrongly cased query param', { ...valid, query: { email: 'a@example.com' } }, 'query.email'],
    ['a boolean given as a string', { ...valid, query: { Email: 'a@x.io', isVoiceOtp: 'true' } }, 'query.isVoiceOtp'],
    ['a fractional integer', { ...valid, query: { Email: 'a@x.io', expiresIn: 1.5 } }, 'query.expiresIn'],
    ['a missing required body', { ...valid, body: undefined }, 'body'],
    ['a body that is a string', { ...valid, body: 'name=Jane' }, 'body'],
    ['an access token with spaces', { ...valid, accessToken: 'a b' }, 'accessToken'],
  ])('%s', ([, params, parameter]) => {
    expect(() => validateParams(op, params)).toThrow(LoginRadiusValidationError);
    try {
      validateParams(op, params);
    } catch (error) {
      expect(error).toMatchObject({ parameter, operation: 'updateThing' });
      expect((error as Error).message).toMatch(/^updateThing: /);
    }
  });

  test('suggests the right casing of a query name', () => {
    expect(() => validateParams(op, { ...valid, query: { email: 'a@x.io' } })).toThrow(/did you mean "Email"/);
  });

  test('accepts valid params, numeric path values and optional params left out', () => {
    expect(validateParams(op, valid)).toBe(valid);
    expect(() => validateParams(op, { ...valid, path: { uid: 42 } })).not.toThrow();
    expect(() => validateParams(op, { ...valid, query: { Email: 'a@x.io', isVoiceOtp: undefined } })).not.toThrow();
  });

  test('operations without a body or params refuse them', () => {
    const bare: OperationDescriptor = { id: 'readThing', method: 'GET', path: '/things', security: [] };
    expect(() => validateParams(bare, undefined)).not.toThrow();
    expect(() => validateParams(bare, { body: {} })).toThrow(/takes no request body/);
    expect(() => validateParams(bare, { path: { uid: 'x' } })).toThrow(/takes no path parameters/);
  });
});
