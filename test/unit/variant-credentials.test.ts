// The official-SDK variants that need other credentials than their shared operation send exactly the
// credentials written here by hand, independently of the spec and the generator.
import { describe, expect, test } from 'vitest';
import * as api from '../../src/index';
import { capturingFetch } from '../support/capturing-fetch';
import { callables, exampleParams, TEST_CREDENTIALS } from '../support/spec';

type OperationFunction = (client: api.LoginRadiusClient, params: unknown) => Promise<unknown>;

/** What each variant must send: the API key's query name, and whether the access token goes along. */
const EXPECTED: Record<string, { readonly apiKeyAs: 'apikey' | 'key'; readonly bearer: boolean }> = {
  getAccessTokenByGoogleAccessToken: { apiKeyAs: 'key', bearer: false },
  getAccessTokenByGoogleAuthCode: { apiKeyAs: 'apikey', bearer: false },
  phoneResendVerificationOtp: { apiKeyAs: 'apikey', bearer: false },
  phoneResendVerificationOtpByAccessToken: { apiKeyAs: 'apikey', bearer: true },
  phoneVerificationByOtp: { apiKeyAs: 'apikey', bearer: false },
  phoneVerificationOtpByAccessToken: { apiKeyAs: 'apikey', bearer: true },
};

describe('variants with their own credentials', () => {
  test('the hand-written table covers every variant whose security differs from its operation', () => {
    const differing = callables.filter((c) => {
      if (!c.isVariant) return false;
      const operation = callables.find((o) => !o.isVariant && o.operationId === c.operationId)!;
      return JSON.stringify(c.security) !== JSON.stringify(operation.security);
    });
    expect(differing.map((c) => c.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.for(Object.entries(EXPECTED))('%s sends what it must', async ([name, expected]) => {
    const c = callables.find((x) => x.name === name)!;
    const capture = capturingFetch();
    const client = api.createClient({ apiKey: TEST_CREDENTIALS.apiKey, fetch: capture.fetch, maxRetries: 0 });
    await (api as unknown as Record<string, OperationFunction>)[name]!(client, exampleParams(c));
    const sent = capture.requests[0]!;
    const query = new URL(sent.url).searchParams;
    expect(query.get(expected.apiKeyAs)).toBe(TEST_CREDENTIALS.apiKey);
    expect(query.get(expected.apiKeyAs === 'key' ? 'apikey' : 'key')).toBeNull();
    expect(sent.headers.get('authorization')).toBe(expected.bearer ? `Bearer ${TEST_CREDENTIALS.accessToken}` : null);
  });

  test('a token-less variant refuses a token instead of dropping it', async () => {
    const c = callables.find((x) => x.name === 'phoneResendVerificationOtp')!;
    const client = api.createClient({ apiKey: 'k', fetch: capturingFetch().fetch });
    const call = (api as unknown as Record<string, OperationFunction>).phoneResendVerificationOtp!(client, {
      ...exampleParams(c),
      accessToken: 'tok-1234',
    });
    await expect(call).rejects.toBeInstanceOf(api.LoginRadiusValidationError);
  });
});
