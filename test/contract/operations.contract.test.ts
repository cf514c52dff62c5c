// Every generated function, called through the real client against the Prism mock with request validation
// on: the client's requests and the spec cannot drift apart without a failure here.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import * as api from '../../src/index';
import { startSignatureCheckingProxy, type SignatureCheckingProxy } from '../support/signature-checking-proxy';
import { errorExamples } from '../support/error-responses';
import { callables, exampleOptions, exampleParams, spec, successExample, TEST_CREDENTIALS } from '../support/spec';

type OperationFunction = (client: api.LoginRadiusClient, params: unknown, options?: api.RequestOptions) => Promise<unknown>;

function client(options: Partial<api.ClientConfig> = {}): api.LoginRadiusClient {
  return api.createClient({
    apiKey: TEST_CREDENTIALS.apiKey,
    apiSecret: TEST_CREDENTIALS.apiSecret,
    m2m: { token: TEST_CREDENTIALS.m2mToken },
    baseUrl: inject('prismUrl'),
    maxRetries: 0,
    ...options,
  });
}

describe('every generated function against the Prism mock', () => {
  test('the spec has callables and every one is exported', () => {
    expect(callables.length).toBeGreaterThan(0);
    const missing = callables.filter((c) => typeof (api as Record<string, unknown>)[c.name] !== 'function').map((c) => c.name);
    expect(missing).toEqual([]);
  });

  test.concurrent.for(callables.map((c) => [c.name, c] as const))('%s returns the documented 200 example', async ([name, c]) => {
    const fn = (api as unknown as Record<string, OperationFunction>)[name]!;
    const result = await fn(client(), exampleParams(c), exampleOptions(c));
    expect(result).toEqual(successExample(c));
  });
});

describe('every generated function with request signing on', () => {
  // The spec declares the signature headers as the alternative to the secret header, so the mock checks
  // that signed requests carry them instead of the secret; the proxy in front of it checks the digest itself.
  let proxy: SignatureCheckingProxy;
  beforeAll(async () => {
    proxy = await startSignatureCheckingProxy(inject('prismUrl'), TEST_CREDENTIALS.apiSecret);
  });
  afterAll(() => proxy.close());

  test.concurrent.for(callables.map((c) => [c.name, c] as const))(
    '%s is accepted signed, with a digest of what arrived',
    async ([name, c]) => {
      const fn = (api as unknown as Record<string, OperationFunction>)[name]!;
      const before = proxy.verified();
      const result = await fn(client({ requestSigning: true, baseUrl: proxy.url }), exampleParams(c), exampleOptions(c));
      expect(result).toEqual(successExample(c));
      if (c.security.some((set) => set.includes('requestSignature'))) expect(proxy.verified()).toBeGreaterThan(before);
    },
  );

  test('no signature failed the independent check', () => {
    expect(proxy.mismatches()).toEqual([]);
  });
});

/** The first named example of the callable's `status` response: what the mock answers for `Prefer: code=<status>`. */
function firstErrorExample(c: (typeof callables)[number], status: number): { name: string; body: Record<string, unknown> } {
  const op = (spec.paths[c.path] as Record<string, Record<string, unknown>>)[c.method.toLowerCase()]!;
  const example = errorExamples(spec as unknown as Record<string, unknown>, op).find((e) => e.status === status);
  if (!example) throw new Error(`${c.name}: no ${status} example`);
  return example;
}

function callableNamed(name: string): (typeof callables)[number] {
  return callables.find((c) => c.name === name) ?? expect.fail(`no callable ${name}`);
}

describe('documented error responses come back as typed errors', () => {
  test.for<[number, string, new (...args: never[]) => api.LoginRadiusApiError, number | undefined]>([
    [400, 'getProfileByAccessToken', api.LoginRadiusBadRequestError, 971],
    [401, 'getAccountPasswordHashByUid', api.LoginRadiusAuthenticationError, 902],
    [403, 'getProfileByAccessToken', api.LoginRadiusPermissionDeniedError, 905],
    [429, 'getProfileByAccessToken', api.LoginRadiusRateLimitError, undefined],
    [500, 'getProfileByAccessToken', api.LoginRadiusServerError, 950],
  ])('HTTP %i (%s)', async ([status, name, type, errorCode]) => {
    const c = callableNamed(name);
    const fn = (api as unknown as Record<string, OperationFunction>)[name]!;
    const error = await fn(client(), exampleParams(c), { headers: { Prefer: `code=${status}` } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ status, errorCode, operation: name });
  });

  // Each operation answers the 403 that fits it (a login's is a login error, not a token error), and the client
  // keeps its ErrorCode, its name and its Description.
  test.concurrent.for(callables.map((c) => [c.name, c] as const))(
    "%s: a 403 is the operation's own, with its ErrorCode, name and Description",
    async ([name, c]) => {
      const fn = (api as unknown as Record<string, OperationFunction>)[name]!;
      const { name: code, body } = firstErrorExample(c, 403);
      const error = await fn(client(), exampleParams(c), { headers: { Prefer: 'code=403' } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(api.LoginRadiusPermissionDeniedError);
      expect(error).toMatchObject({ status: 403, errorCode: body.ErrorCode, code, description: body.Description });
    },
  );
});

describe('a login answers login errors', () => {
  const login = (prefer: string): Promise<unknown> =>
    api
      .loginByEmail(client(), exampleParams(callableNamed('loginByEmail')) as never, { headers: { Prefer: prefer } })
      .catch((e: unknown) => e);

  test('its first 403 is a documented login error, not a token error', async () => {
    const error = await login('code=403');
    const documented = (spec.paths['/identity/v2/auth/login'] as Record<string, { 'x-lr-error-codes': number[] }>).post![
      'x-lr-error-codes'
    ];
    expect(error).toBeInstanceOf(api.LoginRadiusPermissionDeniedError);
    expect(documented).toContain((error as api.LoginRadiusApiError).errorCode);
    expect((error as api.LoginRadiusApiError).errorCode).not.toBe(905);
  });

  // Prism looks a named example up in the status `code` asks for (without it, in the 200 response).
  test.for([
    ['EMAIL_NOT_VERIFIED', 970],
    ['ACCOUNT_LOCKED', 1132],
  ] as const)('Prefer: example=%s answers that code', async ([name, errorCode]) => {
    const error = await login(`code=403, example=${name}`);
    expect(error).toBeInstanceOf(api.LoginRadiusPermissionDeniedError);
    expect(error).toMatchObject({ code: name, errorCode });
    expect(api.isLoginRadiusError(error, name)).toBe(true);
  });

  test('a wrong password is a 401 INVALID_CREDENTIALS', async () => {
    const error = await login('code=401');
    expect(error).toBeInstanceOf(api.LoginRadiusAuthenticationError);
    expect(error).toMatchObject({ code: 'INVALID_CREDENTIALS', errorCode: 966 });
  });
});

describe('requests the spec forbids', () => {
  test('a body missing a required field is refused before sending, naming the field', async () => {
    const error = await api.loginByEmail(client(), { body: { email: 'jane.doe@example.com' } as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusValidationError);
    expect(error).toMatchObject({ parameter: 'body.password', operation: 'loginByEmail' });
  });

  test("a body the client does not check, missing a required field, comes back as the operation's typed 400 error", async () => {
    const op = { id: 'uncheckedLogin', method: 'POST', path: '/identity/v2/auth/login', security: [['apiKey']], body: 'required' } as const;
    const error = await client()
      .call(op, { body: { email: 'jane.doe@example.com' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusBadRequestError);
    expect(error).toMatchObject({ status: 400, errorCode: 965, code: 'POST_BODY_INVALID_965', operation: 'uncheckedLogin' });
  });

  test('a call without the API secret an operation needs is rejected with 902', async () => {
    const op = {
      id: 'passwordHashReadWithoutSecret',
      method: 'GET',
      path: '/identity/v2/manage/account/{uid}/password',
      pathParams: ['uid'],
      security: [['apiKey']],
    } as const;
    const error = await client()
      .call(op, { path: exampleParams(callableNamed('getAccountPasswordHashByUid')).path } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusAuthenticationError);
    expect(error).toMatchObject({ status: 401, errorCode: 902, code: 'API_SECRET_UNAUTHORIZED' });
  });

  test('a call without the access token an operation needs is a 401 with no LoginRadius code (LoginRadius documents none)', async () => {
    const op = { id: 'unauthenticatedProfileRead', method: 'GET', path: '/identity/v2/auth/account', security: [['apiKey']] } as const;
    const error = await client()
      .call(op, {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusAuthenticationError);
    expect(error).toMatchObject({ status: 401, errorCode: undefined });
  });
});
