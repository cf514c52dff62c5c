import { describe, expect, test } from 'vitest';
import { CREDENTIAL_PLACEMENT } from '../../src/auth/credentials';
import * as api from '../../src/index';
import { capturingFetch } from '../support/capturing-fetch';
import { callables, exampleParams, TEST_CREDENTIALS } from '../support/spec';

type OperationFunction = (client: api.LoginRadiusClient, params: unknown) => Promise<unknown>;
const fn = (name: string): OperationFunction => (api as unknown as Record<string, OperationFunction>)[name]!;

describe('what the client sends', () => {
  test.for(callables.map((c) => [c.name, c] as const))(
    '%s: credentials go where the spec says, the secret never in a URL',
    async ([name, c]) => {
      const capture = capturingFetch();
      const client = api.createClient({
        apiKey: TEST_CREDENTIALS.apiKey,
        apiSecret: TEST_CREDENTIALS.apiSecret,
        m2m: { token: TEST_CREDENTIALS.m2mToken },
        hub: 'test-app',
        fetch: capture.fetch,
        maxRetries: 0,
      });
      const params = exampleParams(c);
      await fn(name)(client, params).catch(() => undefined);
      expect(capture.requests).toHaveLength(1);
      const sent = capture.requests[0]!;
      const query = new URL(sent.url).searchParams;
      // The first alternative that sends every credential the call was given (a token is never dropped).
      const given = (['accessToken', 'sott'] as const).filter((credential) => params[credential] !== undefined);
      const carries = (scheme: string, credential: string): boolean =>
        CREDENTIAL_PLACEMENT[scheme as keyof typeof CREDENTIAL_PLACEMENT].credential === credential;
      const schemes = c.security.find((set) => given.every((credential) => set.some((scheme) => carries(scheme, credential)))) ?? [];
      if (schemes.includes('accessTokenInQuery')) {
        // The social-data endpoints LoginRadius documents with the user's token in the query only.
        expect(query.get('access_token')).toBe(TEST_CREDENTIALS.accessToken);
        expect(sent.url.split(TEST_CREDENTIALS.accessToken)).toHaveLength(2);
      } else {
        expect(sent.url).not.toContain(TEST_CREDENTIALS.accessToken);
      }
      expect(sent.url).not.toContain(TEST_CREDENTIALS.m2mToken);
      if (c.secretInQuery) {
        // The endpoints LoginRadius documents with the secret in the query only (x-lr-secret-in-query).
        expect(query.get(c.secretInQuery)).toBe(TEST_CREDENTIALS.apiSecret);
        expect(sent.url.split(TEST_CREDENTIALS.apiSecret)).toHaveLength(2);
      } else {
        expect(sent.url).not.toContain(TEST_CREDENTIALS.apiSecret);
      }
      if (schemes.includes('apiKey')) expect(query.get('apikey')).toBe(TEST_CREDENTIALS.apiKey);
      if (schemes.includes('socialApiKey')) expect(query.get('key')).toBe(TEST_CREDENTIALS.apiKey);
      if (schemes.includes('restHookApiKey')) expect(query.get('api_key')).toBe(TEST_CREDENTIALS.apiKey);
      expect(sent.headers.get('X-LoginRadius-ApiSecret')).toBe(schemes.includes('apiSecret') ? TEST_CREDENTIALS.apiSecret : null);
      const bearer = schemes.includes('accessToken')
        ? TEST_CREDENTIALS.accessToken
        : schemes.includes('m2mToken')
          ? TEST_CREDENTIALS.m2mToken
          : undefined;
      expect(sent.headers.get('Authorization')).toBe(bearer === undefined ? null : `Bearer ${bearer}`);
    },
  );

  test('only operations marked x-lr-secret-in-query send the secret in a query parameter', () => {
    // Every scheme that puts the API secret in the query string, and the parameter it uses.
    const secretSchemes = Object.entries(CREDENTIAL_PLACEMENT).filter(([, p]) => p.credential === 'apiSecret' && p.in === 'query');
    expect(secretSchemes.length).toBeGreaterThan(0);
    const secretParam = (c: (typeof callables)[number]): string | undefined =>
      secretSchemes.find(([scheme]) => c.security.some((set) => set.includes(scheme)))?.[1].name;
    const inQuery = callables.filter((c) => secretParam(c) !== undefined);
    for (const c of inQuery) expect(c.secretInQuery, c.name).toBe(secretParam(c));
    expect(callables.filter((c) => c.secretInQuery).map((c) => c.name)).toEqual(inQuery.map((c) => c.name));
  });

  test('the access token goes only in the Authorization header', async () => {
    const capture = capturingFetch({ body: {} });
    const client = api.createClient({ apiKey: 'k', fetch: capture.fetch });
    await api.getProfileByAccessToken(client, { accessToken: 'tok-123', query: { fields: 'Uid' } });
    expect(capture.requests[0]!.headers.get('authorization')).toBe('Bearer tok-123');
    expect(capture.requests[0]!.url).toBe('https://api.loginradius.com/identity/v2/auth/account?fields=Uid&apikey=k');
  });

  test('the origin IP is forwarded and the body is JSON', async () => {
    const capture = capturingFetch({ body: { access_token: 't' } });
    const client = api.createClient({ apiKey: 'k', originIp: '203.0.113.7', fetch: capture.fetch });
    await api.loginByEmail(client, { body: { email: 'a@example.com', password: 'pw' } });
    const sent = capture.requests[0]!;
    expect(sent.headers.get('x-origin-ip')).toBe('203.0.113.7');
    expect(sent.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(sent.body)).toEqual({ email: 'a@example.com', password: 'pw' });
  });

  test('path parameters are percent-encoded', async () => {
    const capture = capturingFetch({ body: {} });
    const client = api.createClient({ apiKey: 'k', apiSecret: 's', fetch: capture.fetch });
    const op = {
      id: 'readRole',
      method: 'GET',
      path: '/identity/v2/manage/role/{role}',
      security: [['apiKey', 'apiSecret']],
      pathParams: ['role'],
    } as const;
    await client.call(op, { path: { role: 'a b?c#d' } });
    expect(capture.requests[0]!.url).toContain('/identity/v2/manage/role/a%20b%3Fc%23d?');
  });

  test('an operation served from another host goes there, unless a custom domain is set', async () => {
    const op = {
      id: 'readAppInfo',
      method: 'GET',
      path: '/ciam/appinfo',
      security: [['apiKey']],
      server: 'https://config.lrcontent.com',
    } as const;
    const capture = capturingFetch({ body: {} });
    await api.createClient({ apiKey: 'k', fetch: capture.fetch }).call(op, {});
    await api.createClient({ apiKey: 'k', fetch: capture.fetch, baseUrl: 'https://auth.example.com' }).call(op, {});
    expect(capture.requests.map((r) => new URL(r.url).origin)).toEqual(['https://config.lrcontent.com', 'https://auth.example.com']);
  });

  test('two clients never share credentials', async () => {
    const capture = capturingFetch({ body: {} });
    const a = api.createClient({ apiKey: 'key-a', fetch: capture.fetch });
    const b = api.createClient({ apiKey: 'key-b', fetch: capture.fetch });
    await Promise.all([api.getProfileByAccessToken(a, { accessToken: 't' }), api.getProfileByAccessToken(b, { accessToken: 't' })]);
    expect(capture.requests.map((r) => new URL(r.url).searchParams.get('apikey')).sort()).toEqual(['key-a', 'key-b']);
  });
});

describe('bad input: a typed error and nothing sent', () => {
  test.for<[string, (client: api.LoginRadiusClient) => Promise<unknown>]>([
    ['missing access token', (client) => api.getProfileByAccessToken(client, {} as never)],
    ['missing body', (client) => api.loginByEmail(client, {} as never)],
    [
      'unknown query parameter',
      (client) => api.loginByEmail(client, { body: { email: 'a@x.io', password: 'p' }, query: { Fields: 'Uid' } as never }),
    ],
    [
      'credential header override',
      (client) => api.getProfileByAccessToken(client, { accessToken: 't' }, { headers: { Authorization: 'Bearer x' } }),
    ],
    ['bad per-call timeout', (client) => api.getProfileByAccessToken(client, { accessToken: 't' }, { timeoutMs: -1 })],
  ])('%s', async ([, call]) => {
    const capture = capturingFetch();
    const error = await call(api.createClient({ apiKey: 'k', fetch: capture.fetch })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusValidationError);
    expect(capture.requests).toHaveLength(0);
  });

  test('an operation needing the secret, called without one', async () => {
    const capture = capturingFetch();
    const op = {
      id: 'deleteAccount',
      method: 'DELETE',
      path: '/identity/v2/manage/account/{uid}',
      security: [['apiKey', 'apiSecret']],
      pathParams: ['uid'],
    } as const;
    const error = await api
      .createClient({ apiKey: 'k', fetch: capture.fetch })
      .call(op, { path: { uid: 'u' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusValidationError);
    expect((error as Error).message).toBe('deleteAccount: missing the API secret (config.apiSecret, server-side only)');
    expect(capture.requests).toHaveLength(0);
  });
});

describe('preventWebhook', () => {
  const send = async (config: Partial<api.ClientConfig>, options?: api.RequestOptions) => {
    const capture = capturingFetch({ body: { IsPosted: true } });
    const client = api.createClient({ apiKey: 'k', fetch: capture.fetch, ...config });
    await api.loginByEmail(client, { body: { email: 'a@example.com', password: 'pw' } }, options);
    return capture.requests[0]!.headers.get('x-preventwebhook');
  };

  test('is off by default', async () => expect(await send({})).toBeNull());
  test('the client option sends X-PreventWebhook: true on every call', async () =>
    expect(await send({ preventWebhook: true })).toBe('true'));
  test('a call overrides the client, both ways', async () => {
    expect(await send({ preventWebhook: true }, { preventWebhook: false })).toBeNull();
    expect(await send({}, { preventWebhook: true })).toBe('true');
  });
  test('replaces a header of the same name given in options.headers', async () =>
    expect(await send({}, { preventWebhook: true, headers: { 'x-preventwebhook': 'false' } })).toBe('true'));
  test('must be a boolean', async () => {
    expect(() => api.createClient({ apiKey: 'k', preventWebhook: 'yes' as never })).toThrow(api.LoginRadiusValidationError);
    await expect(send({}, { preventWebhook: 1 as never })).rejects.toMatchObject({ parameter: 'options.preventWebhook' });
  });
});

/** A form-encoded operation like the OAuth token endpoints. */
const FORM_OP: api.OperationDescriptor = {
  id: 'tokenLike',
  method: 'POST',
  path: '/token',
  security: [['apiKey']],
  body: 'required',
  bodyEncoding: 'form',
};

describe('form-encoded bodies (OAuth token endpoints)', () => {
  test('are sent as application/x-www-form-urlencoded, arrays repeated, null left out', async () => {
    const capture = capturingFetch({ body: { access_token: 't' } });
    const client = api.createClient({ apiKey: 'k', hub: 'acme', fetch: capture.fetch });
    const op: api.OperationDescriptor = {
      id: 'tokenLike',
      method: 'POST',
      path: '/api/oauth/{app}/token',
      pathParams: ['app'],
      security: [['apiKey']],
      body: 'required',
      bodyEncoding: 'form',
    };
    await client.call(op, {
      path: { app: 'portal' },
      body: { grant_type: 'authorization_code', code: 'c d&e', scope: ['openid', 'email'], nonce: null },
    });
    const sent = capture.requests[0]!;
    expect(sent.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(sent.body).toBe('grant_type=authorization_code&code=c+d%26e&scope=openid&scope=email');
  });

  test('getOAuthTokens sends its grant form-encoded to the hub domain', async () => {
    const capture = capturingFetch({ body: { access_token: 't', token_type: 'Bearer' } });
    const client = api.createClient({ apiKey: 'k', hub: 'acme', fetch: capture.fetch });
    await api.getOAuthTokens(client, {
      path: { OAuthAppName: 'portal' },
      body: { grant_type: 'refresh_token', client_id: 'cid', client_secret: 'secret-1', token: 'rt-1' },
    });
    const sent = capture.requests[0]!;
    expect(sent.url).toBe('https://acme.hub.loginradius.com/api/oauth/portal/token?apikey=k');
    expect(new URLSearchParams(sent.body!).get('grant_type')).toBe('refresh_token');
  });

  test('a nested value cannot be form-encoded: refused before anything is sent', async () => {
    const capture = capturingFetch({ body: {} });
    const client = api.createClient({ apiKey: 'k', fetch: capture.fetch });
    await expect(client.call(FORM_OP, { body: { claims: { a: 1 } } })).rejects.toMatchObject({
      name: 'LoginRadiusValidationError',
      parameter: 'body.claims',
    });
    expect(capture.requests).toHaveLength(0);
  });
});

describe('request-building problems are named precisely, and nothing is sent', () => {
  const refusal = async (op: api.OperationDescriptor, params: object, config: object = {}) => {
    const capture = capturingFetch({ body: {} });
    const error = await api
      .createClient({ apiKey: 'k', fetch: capture.fetch, ...config })
      .call(op, params)
      .catch((e: unknown) => e);
    expect(capture.requests).toHaveLength(0);
    expect(error).toBeInstanceOf(api.LoginRadiusValidationError);
    return error as api.LoginRadiusValidationError;
  };

  test('a nested form value names the field and what it may be', async () => {
    const error = await refusal(FORM_OP, { body: { claims: [{ a: 1 }] } });
    expect(error.message).toBe('tokenLike: body.claims cannot be form-encoded: give a string, number or boolean');
  });

  test.each([[['a', 'b']], ['grant_type=password']])('a form body that is not an object (%j) is refused', async (body) => {
    const error = await refusal(FORM_OP, { body });
    expect(error).toMatchObject({ parameter: 'body' });
    expect(error.message).toMatch(/^tokenLike: the request body must be (an object|a JSON object, got string)$/);
  });

  test('undefined form fields are left out like null ones', async () => {
    const capture = capturingFetch({ body: {} });
    await api.createClient({ apiKey: 'k', fetch: capture.fetch }).call(FORM_OP, { body: { a: undefined, b: [undefined, 'x'], c: false } });
    expect(capture.requests[0]!.body).toBe('b=x&c=false');
  });

  test('a JSON body with a BigInt says why it cannot be sent', async () => {
    const jsonOp: api.OperationDescriptor = { id: 'jsonLike', method: 'POST', path: '/json', security: [['apiKey']], body: 'required' };
    const error = await refusal(jsonOp, { body: { n: 1n } });
    expect(error).toMatchObject({ parameter: 'body' });
    expect(error.message).toContain('cannot be serialised as JSON (TypeError: a BigInt, a circular reference or a failing toJSON)');
  });

  test('a hub operation without config.hub says how to fix it', async () => {
    const hubOp: api.OperationDescriptor = {
      id: 'hubLike',
      method: 'GET',
      path: '/service/thing',
      security: [['apiKey']],
      server: 'https://{tenant}.hub.loginradius.com',
    };
    const error = await refusal(hubOp, {});
    expect(error).toMatchObject({ parameter: 'hub' });
    expect(error.message).toContain(
      "this operation is served by your app's hub domain: set config.hub to your app name or custom domain URL",
    );
  });

  test('Accept asks for JSON, or for the page an operation answers with; Content-Type only with a body', async () => {
    const capture = capturingFetch({ body: {} });
    const client = api.createClient({ apiKey: 'k', fetch: capture.fetch });
    await client.call({ id: 'readLike', method: 'GET', path: '/r', security: [['apiKey']] }, {});
    await client.call({ id: 'pageLike', method: 'GET', path: '/p', security: [['apiKey']], textResponse: true }, {}).catch(() => undefined);
    await client.call({ ...FORM_OP, body: 'optional' }, {});
    const [read, page, emptyForm] = capture.requests;
    expect(read!.headers.get('accept')).toBe('application/json');
    expect(page!.headers.get('accept')).toBe('text/html, application/xml;q=0.9, application/json;q=0.8');
    expect([read!.headers.get('content-type'), emptyForm!.headers.get('content-type'), emptyForm!.body]).toEqual([null, null, '']);
  });

  test("a call's User-Agent wins among other headers of its own", async () => {
    const capture = capturingFetch({ body: {} });
    const client = api.createClient({ apiKey: 'k', fetch: capture.fetch });
    await client.call(
      { id: 'readLike', method: 'GET', path: '/r', security: [['apiKey']] },
      {},
      {
        headers: { 'X-Trace': 't-1', 'user-agent': 'per-call/1' },
      },
    );
    expect(capture.requests[0]!.headers.get('user-agent')).toBe('per-call/1');
  });

  test('an operation on another fixed host goes there; a custom baseUrl serves it instead', async () => {
    const hostOp: api.OperationDescriptor = {
      id: 'cdLike',
      method: 'GET',
      path: '/x',
      security: [['apiKey']],
      server: 'https://cloud.example.com',
    };
    const capture = capturingFetch({ body: {} });
    await api.createClient({ apiKey: 'k', fetch: capture.fetch }).call(hostOp, {});
    await api.createClient({ apiKey: 'k', fetch: capture.fetch, baseUrl: 'http://127.0.0.1:4010' }).call(hostOp, {});
    expect(capture.requests.map((r) => r.url)).toEqual(['https://cloud.example.com/x?apikey=k', 'http://127.0.0.1:4010/x?apikey=k']);
  });
});

describe('per-call context', () => {
  test('options.originIp overrides the client origin IP for one call', async () => {
    const capture = capturingFetch({ body: { IsPosted: true } });
    const client = api.createClient({ apiKey: 'k', originIp: '203.0.113.1', fetch: capture.fetch });
    await api.loginByEmail(client, { body: { email: 'a@example.com', password: 'pw' } }, { originIp: '198.51.100.9' });
    await api.loginByEmail(client, { body: { email: 'a@example.com', password: 'pw' } });
    expect(capture.requests.map((r) => r.headers.get('x-origin-ip'))).toEqual(['198.51.100.9', '203.0.113.1']);
    await expect(api.loginByEmail(client, { body: { email: 'a', password: 'p' } }, { originIp: 'a b' })).rejects.toMatchObject({
      parameter: 'options.originIp',
    });
  });

  test('withOptions derives a client that shares the credentials and the SOTT key, with its own settings', async () => {
    const capture = capturingFetch({ body: { IsPosted: true } });
    const base = api.createClient({ apiKey: 'k', apiSecret: 'secret-1', fetch: capture.fetch, timeoutMs: 30_000 });
    const perRequest = base.withOptions({ originIp: '198.51.100.9', timeoutMs: 5_000, preventWebhook: true });
    expect(perRequest.settings).toMatchObject({ originIp: '198.51.100.9', timeoutMs: 5_000, hasApiSecret: true });
    expect(base.settings).toMatchObject({ originIp: undefined, timeoutMs: 30_000 });
    await api.getAccountProfileByUid(perRequest, { path: { uid: 'u1' } });
    const sent = capture.requests[0]!;
    expect(sent.headers.get('x-origin-ip')).toBe('198.51.100.9');
    expect(sent.headers.get('x-preventwebhook')).toBe('true');
    expect(sent.headers.get('x-loginradius-apisecret')).toBe('secret-1');
    expect(() => base.withOptions({ apiSecret: 'other' } as never)).toThrow(api.LoginRadiusValidationError);
    expect(() => base.withOptions({ timeoutMs: -1 })).toThrow(api.LoginRadiusValidationError);
  });
});

describe('loggerStyle', () => {
  const recording = () => {
    const calls: unknown[][] = [];
    const method = (...args: unknown[]) => void calls.push(args);
    return { calls, logger: { debug: method, info: method, warn: method, error: method } };
  };

  test.for<[api.LoggerStyle | undefined, 'message-first' | 'details-first']>([
    [undefined, 'message-first'],
    ['console', 'message-first'],
    ['pino', 'details-first'],
  ])('%s logs %s', async ([style, order]) => {
    const { calls, logger } = recording();
    const capture = capturingFetch({ body: { IsPosted: true } });
    const client = api.createClient({
      apiKey: 'k',
      fetch: capture.fetch,
      logger,
      logLevel: 'debug',
      ...(style ? { loggerStyle: style } : {}),
    });
    await api.loginByEmail(client, { body: { email: 'a@example.com', password: 'pw' } });
    expect(calls.length).toBe(2);
    for (const [first, second] of calls) {
      const [message, details] = order === 'message-first' ? [first, second] : [second, first];
      expect(message).toMatch(/^loginradius loginByEmail/);
      expect(details).toEqual(expect.objectContaining({ attempt: 1 }));
    }
  });

  test('an unknown style is a config error', () => {
    expect(() => api.createClient({ apiKey: 'k', logger: console, loggerStyle: 'bunyan' as never })).toThrow(
      api.LoginRadiusValidationError,
    );
  });
});
