// Every operation's error examples (what the mock answers) fit the call: catalogued codes under their documented
// status, among the codes LoginRadius documents for the endpoint, never about a credential the call does not send.
import { describe, expect, test } from 'vitest';
import { catalogueByCode, readErrorCatalogue } from '../../codegen/emit-error-codes';
import { errorExamples, errorResponseProblems } from '../support/error-responses';
import { spec } from '../support/spec';

type Json = Record<string, unknown>;

const catalogue = catalogueByCode(readErrorCatalogue());
const doc = spec as unknown as Json;

/** A copy of the bundled spec with one change to one operation's responses. */
function withChange(path: string, method: string, change: (op: Json) => void): Json {
  const copy = structuredClone(doc);
  change(((copy.paths as Json)[path] as Json)[method] as Json);
  return copy;
}

function body(code: number): Json {
  const e = catalogue.get(code)!;
  return { Description: `${e.message}.`, ErrorCode: code, Message: e.message, IsProviderError: false, ProviderErrorResponse: null };
}

function setExample(op: Json, status: string, name: string, value: Json): void {
  (op.responses as Json)[status] = { description: 'changed', content: { 'application/json': { examples: { [name]: { value } } } } };
}

function set403(op: Json, name: string, value: Json): void {
  setExample(op, '403', name, value);
}

describe('error responses', () => {
  test('every example of every operation fits the call', () => {
    expect(errorResponseProblems(doc, catalogue)).toEqual([]);
  });

  test('the checks see the examples (so they can pass for a reason)', () => {
    const login = (spec.paths['/identity/v2/auth/login'] as Json).post as Json;
    expect(errorExamples(doc, login).map((e) => `${e.status} ${e.name}`)).toEqual(
      expect.arrayContaining(['400 POST_BODY_INVALID_965', '401 INVALID_CREDENTIALS', '403 EMAIL_NOT_VERIFIED']),
    );
  });

  test.for<[string, string, string, (op: Json) => void, RegExp]>([
    [
      'a token error on a login',
      '/identity/v2/auth/login',
      'post',
      (op) => set403(op, 'ACCESS_TOKEN_INVALID', body(905)),
      /905 is about the user's access token/,
    ],
    [
      'an undocumented code on a documented operation',
      '/identity/v2/auth/login',
      'post',
      (op) => set403(op, 'EMAIL_ALREADY_REGISTERED', body(936)),
      /936 is not among the operation's x-lr-error-codes/,
    ],
    [
      '902 on an operation without the API secret',
      '/identity/v2/auth/account',
      'get',
      (op) => setExample(op, '401', 'API_SECRET_UNAUTHORIZED', body(902)),
      /902 is about the API secret/,
    ],
    [
      'a code under the wrong status',
      '/identity/v2/auth/account',
      'get',
      (op) => set403(op, 'INVALID_REQUEST', body(971)),
      /971 is documented as HTTP 400/,
    ],
    [
      "a message that is not the catalogue's",
      '/identity/v2/auth/account',
      'get',
      (op) => set403(op, 'ACCESS_TOKEN_INVALID', { ...body(905), Message: 'Token bad' }),
      /Message is not the catalogue's/,
    ],
    [
      'an uncatalogued code',
      '/identity/v2/auth/account',
      'get',
      (op) => set403(op, 'X', { ...body(905), ErrorCode: 1159 }),
      /1159 is not in spec\/error-codes.yaml/,
    ],
  ])('catches %s', ([, path, method, change, problem]) => {
    const problems = errorResponseProblems(withChange(path, method, change), catalogue);
    expect(problems.join('\n')).toMatch(problem);
  });
});
