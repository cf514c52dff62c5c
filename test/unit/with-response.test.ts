import { describe, expect, test } from 'vitest';
import * as api from '../../src/index';

/** A fetch that answers from a list, one answer per request, and counts the requests. */
function scriptedFetch(answers: readonly { status: number; body: unknown; headers?: Record<string, string> }[]) {
  let calls = 0;
  const fetchImpl = async (): Promise<Response> => {
    const answer = answers[Math.min(calls++, answers.length - 1)]!;
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  };
  return { fetch: fetchImpl as typeof fetch, calls: () => calls };
}

describe('withResponse', () => {
  test('resolves to the data and the answer: status, headers, request id, attempts', async () => {
    const server = scriptedFetch([
      { status: 200, body: { Uid: 'u-1' }, headers: { 'x-request-id': 'req-42', 'x-ratelimit-remaining': '99' } },
    ]);
    const lr = api.createClient({ apiKey: 'k', fetch: server.fetch });
    const { data, response } = await api.withResponse(api.getProfileByAccessToken)(lr, { accessToken: 'token-1' });
    expect(data).toEqual({ Uid: 'u-1' });
    expect(response.status).toBe(200);
    expect(response.requestId).toBe('req-42');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('99');
    expect(response.attempts).toBe(1);
  });

  test('counts the attempts of a retried call and reports the answer that succeeded', async () => {
    const server = scriptedFetch([
      { status: 503, body: { ErrorCode: 950, Description: 'busy' }, headers: { 'retry-after': '0', 'x-request-id': 'first' } },
      { status: 200, body: { Uid: 'u-1' }, headers: { 'x-request-id': 'second' } },
    ]);
    const lr = api.createClient({ apiKey: 'k', apiSecret: 's', fetch: server.fetch });
    const { response } = await api.withResponse(api.getAccountProfileByUid)(lr, { path: { uid: 'u-1' } });
    expect(server.calls()).toBe(2);
    expect(response).toMatchObject({ attempts: 2, requestId: 'second', status: 200 });
  });

  test("keeps the caller's options and rejects exactly like the function", async () => {
    const server = scriptedFetch([{ status: 403, body: { ErrorCode: 905, Description: 'Access token is invalid' } }]);
    const lr = api.createClient({ apiKey: 'k', fetch: server.fetch });
    const failure = await api
      .withResponse(api.getProfileByAccessToken)(lr, { accessToken: 'expired' }, { maxRetries: 0 })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(api.LoginRadiusPermissionDeniedError);
    expect(failure).toMatchObject({ code: 'ACCESS_TOKEN_INVALID' });
    const bad = await api
      .withResponse(api.getProfileByAccessToken)(lr, { accessToken: 'a' }, { timeoutMs: -1 })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(api.LoginRadiusValidationError);
    expect(server.calls()).toBe(1);
  });

  test('an operation that answers with nothing still gives the response', async () => {
    const lr = api.createClient({
      apiKey: 'k',
      fetch: (async () => new Response('', { status: 200, headers: { 'x-request-id': 'r' } })) as typeof fetch,
    });
    const op = { id: 'emptyAnswer', method: 'GET', path: '/empty', security: [['apiKey']], noContent: true } as const;
    const call = (client: api.LoginRadiusClient, params: object, options?: api.RequestOptions) =>
      client.call<undefined>(op, params, options);
    const { data, response } = await api.withResponse(call)(lr, {});
    expect(data).toBeUndefined();
    expect(response.requestId).toBe('r');
  });

  test('the observer is not an option anyone can name: unknown option names are still refused', async () => {
    const lr = api.createClient({ apiKey: 'k', fetch: scriptedFetch([{ status: 200, body: {} }]).fetch });
    await expect(api.getProfileByAccessToken(lr, { accessToken: 't' }, { observeResponse: () => {} } as never)).rejects.toMatchObject({
      parameter: 'options.observeResponse',
    });
  });

  test('wrapping something that is not an operation fails with a typed error', async () => {
    const notAnOperation = async (_client: api.LoginRadiusClient, _params: object) => 42;
    const lr = api.createClient({ apiKey: 'k', fetch: scriptedFetch([{ status: 200, body: {} }]).fetch });
    const error = await api
      .withResponse(notAnOperation)(lr, {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusValidationError);
    expect(error).toMatchObject({
      parameter: 'fn',
      message: 'withResponse() wraps the operation functions of loginradius-client only',
    });
  });
});
