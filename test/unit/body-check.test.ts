// A request body is checked at its top level before anything is sent: required fields, JSON types, listed
// values, unknown fields where the spec closes the body. Messages name the field, never its value.
import { describe, expect, test, vi } from 'vitest';
import * as api from '../../src/index';
import { bodyProblem } from '../../src/call/body-check';
import { validateParams } from '../../src/call/validate';
import type { BodyShape, OperationDescriptor } from '../../src/operation';

const login: BodyShape = { '!s': 'email password', o: 'securityanswer' };
const policy: BodyShape = { 'sz=day|month|year': 'ExpirationFrequencyType', iz: 'MinLength', a: 'Tags', n: 'Score', '': '*' };

describe('bodyProblem names the field at fault', () => {
  test.for<[string, BodyShape | BodyShape[], object, string, RegExp]>([
    ['a missing required field', login, { email: 'a@x.io' }, 'password', /^missing required body field "password"$/],
    ['a wrong primitive type', login, { email: 'a@x.io', password: 42 }, 'password', /"password" must be a string, got a number$/],
    [
      'an array for an object',
      login,
      { email: 'a', password: 'p', securityanswer: ['x'] },
      'securityanswer',
      /must be an object, got an array/,
    ],
    ['an object for an array', policy, { Tags: { a: 1 } }, 'Tags', /"Tags" must be an array, got an object/],
    ['null where null is not allowed', login, { email: null, password: 'p' }, 'email', /must be a string, got null/],
    ['a fraction for an integer', policy, { MinLength: 1.5 }, 'MinLength', /must be an integer or null, got a number/],
    ['NaN for a number', policy, { Score: Number.NaN }, 'Score', /must be a number, got a number/],
    [
      'a value not listed',
      policy,
      { ExpirationFrequencyType: 'week' },
      'ExpirationFrequencyType',
      /must be one of "day", "month", "year"$/,
    ],
    [
      'an unknown field in a closed body',
      login,
      { email: 'a', password: 'p', otp: '1' },
      'otp',
      /unknown body field "otp" \(known: email, password, securityanswer\)/,
    ],
    [
      'a near-miss casing',
      login,
      { email: 'a', Password: 'p' },
      'Password',
      /unknown body field "Password" \(did you mean "password"\? names are case-sensitive\)/,
    ],
  ])('%s', ([, shape, body, field, message]) => {
    const [at, text] = bodyProblem(shape, body) ?? ['', ''];
    expect(at).toBe(field);
    expect(text).toMatch(message);
  });

  test.for<[string, BodyShape | BodyShape[], object]>([
    ['a complete body', login, { email: 'a@x.io', password: 'p' }],
    ['an optional field left out or undefined', login, { email: 'a@x.io', password: 'p', securityanswer: undefined }],
    ['null where the field is nullable', policy, { ExpirationFrequencyType: null, MinLength: null }],
    ['a listed value', policy, { ExpirationFrequencyType: 'month' }],
    ['an integer where a number is asked for', policy, { Score: 3 }],
    ['any other field in an open body', policy, { CustomField: { any: ['thing'] } }],
    ['a field that takes any value', { '': 'note' }, { note: [1] }],
  ])('accepts %s', ([, shape, body]) => expect(bodyProblem(shape, body)).toBeUndefined());

  test('a field named like an Object.prototype member is unknown in a closed body', () => {
    expect(bodyProblem(login, { email: 'a', password: 'p', constructor: 'x' })?.[0]).toBe('constructor');
  });

  test('an open body still hints at a required field given in another case', () => {
    expect(bodyProblem({ '!s': 'password', '': '*' }, { Password: 'p' })?.[1]).toBe(
      'missing required body field "password" (did you mean "Password"? names are case-sensitive)',
    );
  });
});

describe('a oneOf body fits when any alternative fits', () => {
  const forms: BodyShape[] = [
    { '!s=authorization_code': 'grant_type', '!s': 'code' },
    { '!s=refresh_token': 'grant_type', '!s': 'refresh_token' },
  ];

  test.for([
    { grant_type: 'authorization_code', code: 'c' },
    { grant_type: 'refresh_token', refresh_token: 'r' },
  ])('%j fits', (body) => {
    expect(bodyProblem(forms, body)).toBeUndefined();
  });

  test('otherwise the problem of the alternative the body fits best is reported', () => {
    expect(bodyProblem(forms, { grant_type: 'refresh_token' })).toEqual([
      'refresh_token',
      'missing required body field "refresh_token" (checked against the closest of the 2 body forms it accepts)',
    ]);
    expect(bodyProblem(forms, { grant_type: 'authorization_code', Code: 'c' })?.[1]).toMatch(/did you mean "code"/);
  });
});

describe('no value is ever echoed, only names and types', () => {
  const secret = 'hunter2-the-secret';
  test.for<[string, BodyShape, object]>([
    ['a wrong type', { '!i': 'otp' }, { otp: secret }],
    ['a value not listed', { 's=a|b': 'kind' }, { kind: secret }],
    ['an unknown field', { s: 'a' }, { password: secret }],
    ['a missing field next to a given one', { '!s': 'a', '': '*' }, { b: secret }],
  ])('%s', ([, shape, body]) => expect(bodyProblem(shape, body)?.[1]).not.toContain(secret));
});

describe('validateParams runs the operation’s body check', () => {
  const op: OperationDescriptor = {
    id: 'getToken',
    method: 'POST',
    path: '/token',
    security: [['apiKey']],
    body: 'required',
    bodyEncoding: 'form',
    bodyShape: [{ '!s=client_credentials': 'grant_type', '!s': 'client_id' }],
    checkBody: bodyProblem,
    sensitive: ['client_secret'],
  };

  test('a form body is checked like a JSON one, with the operation and field named', () => {
    expect(() => validateParams(op, { body: { grant_type: 'client_credentials' } })).toThrow(
      expect.objectContaining({ parameter: 'body.client_id', operation: 'getToken', message: expect.stringMatching(/^getToken: missing/) }),
    );
    expect(() => validateParams(op, { body: { grant_type: 'client_credentials', client_id: 'c' } })).not.toThrow();
  });

  test('an operation without a check sends the body as it is', () => {
    expect(() => validateParams({ ...op, checkBody: undefined }, { body: { anything: 1 } })).not.toThrow();
  });
});

describe('loginByEmail, end to end', () => {
  test('without a password it rejects naming the field, and nothing is fetched', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const client = api.createClient({ apiKey: 'k', fetch });
    const error = await api.loginByEmail(client, { body: { email: 'jane@example.com' } as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusValidationError);
    expect(error).toMatchObject({ operation: 'loginByEmail', parameter: 'body.password' });
    expect((error as Error).message).toBe('loginByEmail: missing required body field "password"');
    expect(fetch).not.toHaveBeenCalled();
  });

  test('a capitalised Password is refused with the spelling to use, and its value is not echoed', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const client = api.createClient({ apiKey: 'k', fetch });
    const body = { email: 'jane@example.com', Password: 'correct-horse' } as never;
    const error = await api.loginByEmail(client, { body }).catch((e: unknown) => e);
    expect(error).toMatchObject({ parameter: 'body.Password', message: expect.stringContaining('did you mean "password"?') });
    expect((error as Error).message).not.toContain('correct-horse');
    expect(fetch).not.toHaveBeenCalled();
  });
});
