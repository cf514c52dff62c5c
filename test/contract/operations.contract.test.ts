// Every generated function, called through the real client against the Prism mock with request validation
// on: the client's requests and the spec cannot drift apart without a failure here.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import * as api from '../../src/index';
import { startSignatureCheckingProxy, type SignatureCheckingProxy } from '../support/signature-checking-proxy';
import { callables, exampleOptions, exampleParams, successExample, TEST_CREDENTIALS } from '../support/spec';

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

describe('documented error responses come back as typed errors', () => {
  test.for<[number, new (...args: never[]) => api.LoginRadiusApiError, number | undefined]>([
    [400, api.LoginRadiusBadRequestError, 958],
    [401, api.LoginRadiusAuthenticationError, 902],
    [403, api.LoginRadiusPermissionDeniedError, 905],
    [429, api.LoginRadiusRateLimitError, undefined],
    [500, api.LoginRadiusServerError, 950],
  ])('HTTP %i', async ([status, type, errorCode]) => {
    const error = await api
      .getProfileByAccessToken(client(), { accessToken: TEST_CREDENTIALS.accessToken }, { headers: { Prefer: `code=${status}` } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ status, errorCode, operation: 'getProfileByAccessToken' });
  });

  test.concurrent.for(callables.map((c) => [c.name, c] as const))(
    '%s: a 403 keeps LoginRadius ErrorCode and Description',
    async ([name, c]) => {
      const fn = (api as unknown as Record<string, (client: api.LoginRadiusClient, params: unknown, options: unknown) => Promise<unknown>>)[
        name
      ]!;
      const error = await fn(client(), exampleParams(c), { headers: { Prefer: 'code=403' } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(api.LoginRadiusPermissionDeniedError);
      expect(error).toMatchObject({ status: 403, errorCode: 905, description: 'Access token is invalid.' });
    },
  );
});

describe('requests the spec forbids', () => {
  test('a body missing a required field is refused before sending, naming the field', async () => {
    const error = await api.loginByEmail(client(), { body: { email: 'jane.doe@example.com' } as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusValidationError);
    expect(error).toMatchObject({ parameter: 'body.password', operation: 'loginByEmail' });
  });

  test('a body the client does not check, missing a required field, comes back as a typed 400 error', async () => {
    const op = { id: 'uncheckedLogin', method: 'POST', path: '/identity/v2/auth/login', security: [['apiKey']], body: 'required' } as const;
    const error = await client()
      .call(op, { body: { email: 'jane.doe@example.com' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusBadRequestError);
    expect(error).toMatchObject({ status: 400, errorCode: 958, operation: 'uncheckedLogin' });
  });

  test('a call without the credential the operation needs is rejected by the mock', async () => {
    const op = { id: 'unauthenticatedProfileRead', method: 'GET', path: '/identity/v2/auth/account', security: [['apiKey']] } as const;
    const error = await client()
      .call(op, {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusAuthenticationError);
    expect(error).toMatchObject({ status: 401, errorCode: 902 });
  });
});
