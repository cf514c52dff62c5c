// Bad input, from a careless caller or an attacker, is a LoginRadiusValidationError naming the operation and
// the field, and nothing is sent. Every case here once reached the wire wrong or threw something else.
import { describe, expect, test } from 'vitest';
import * as api from '../../src/index';
import { capturingFetch } from '../support/capturing-fetch';

const deleteRole = {
  id: 'deleteRole',
  method: 'DELETE',
  path: '/identity/v2/manage/role/{role}',
  security: [['apiKey', 'apiSecret']],
  pathParams: ['role'],
} as const;
const removeRolePermissions = {
  id: 'removeRolePermissions',
  method: 'DELETE',
  path: '/identity/v2/manage/role/{role}/permission',
  security: [['apiKey', 'apiSecret']],
  pathParams: ['role'],
  body: 'required',
} as const;
const readProfile = { id: 'readProfile', method: 'GET', path: '/identity/v2/auth/account', security: [['apiKey', 'accessToken']] } as const;
const checkEmail = {
  id: 'checkEmail',
  method: 'GET',
  path: '/identity/v2/auth/email',
  security: [['apiKey']],
  query: { email: { type: 'string' } },
} as const;

function setup(config: Partial<api.ClientConfig> = {}) {
  const capture = capturingFetch();
  const client = api.createClient({ apiKey: 'k', apiSecret: 'the-secret-1', fetch: capture.fetch, maxRetries: 0, ...config });
  return { client, capture };
}

async function refused(
  call: Promise<unknown>,
  capture: { requests: unknown[] },
  parameter: string | RegExp,
): Promise<api.LoginRadiusValidationError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(api.LoginRadiusValidationError);
  expect((error as api.LoginRadiusValidationError).parameter).toMatch(parameter);
  expect(capture.requests).toHaveLength(0);
  return error as api.LoginRadiusValidationError;
}

describe('path values a URL parser would rewrite', () => {
  test.for(['.', '..', 'a/b', 'a\\b', '..%2f', 'x\n'])('%j is refused', async (role) => {
    const { client, capture } = setup();
    await refused(client.call(removeRolePermissions, { path: { role }, body: { permissions: ['p'] } }), capture, 'path.role');
  });

  test('a path value with URL-special characters is encoded and stays one segment', async () => {
    const { client, capture } = setup();
    await client.call(deleteRole, { path: { role: 'a?b#c%d .e' } });
    expect(new URL(capture.requests[0]!.url).pathname).toBe('/identity/v2/manage/role/a%3Fb%23c%25d%20.e');
  });

  test.for([{}, { role: undefined }, { role: '' }, { role: null }])('path %j is refused', async (path) => {
    const { client, capture } = setup();
    await refused(client.call(deleteRole, { path }), capture, 'path.role');
  });

  test('a lone surrogate in a path or query value is refused, not a URIError', async () => {
    const { client, capture } = setup();
    await refused(client.call(deleteRole, { path: { role: 'a\uD800' } }), capture, 'path.role');
    await refused(client.call(checkEmail, { query: { email: '\uDC00x@y.io' } }), capture, 'query.email');
  });
});

describe('headers that cannot be sent', () => {
  test.for([
    ['Host', 'evil.example'],
    ['Transfer-Encoding', 'chunked'],
    ['Content-Length', '5'],
    ['Connection', 'close'],
    ['Upgrade', 'websocket'],
    ['Keep-Alive', 'timeout=5'],
    ['TE', 'trailers'],
    ['Trailer', 'x'],
  ] as const)('options.headers %s is refused', async ([name, value]) => {
    const { client, capture } = setup();
    await refused(client.call(checkEmail, {}, { headers: { [name]: value } }), capture, `options.headers.${name}`);
  });

  test.for([
    ['a line break', 'a\r\nInjected: 1'],
    ['a NUL', 'a\u0000b'],
    ['a character outside Latin-1', 'caf\u00e9 \u2603'],
  ] as const)('a header value with %s is refused without quoting it', async ([, value]) => {
    const { client, capture } = setup();
    const error = await refused(client.call(checkEmail, {}, { headers: { 'X-Trace': value } }), capture, 'options.headers.X-Trace');
    expect(error.message).not.toContain(value);
  });

  test('a header name that is not a token is refused', async () => {
    const { client, capture } = setup();
    await refused(client.call(checkEmail, {}, { headers: { 'Bad Name': 'x' } }), capture, /options\.headers/);
  });

  test('an access token that is not printable ASCII is refused before sending, never retried', async () => {
    const { client, capture } = setup({ maxRetries: 2 });
    const error = await refused(client.call(readProfile, { accessToken: 'tok\u2603en' }), capture, 'accessToken');
    expect(error.message).not.toContain('tok\u2603en');
  });

  test('a hook that adds a framing or unsendable header fails the call before it is sent', async () => {
    const cases: Record<string, string>[] = [{ 'Transfer-Encoding': 'chunked' }, { 'X-Trace': 'a\nb' }];
    for (const headers of cases) {
      const { client, capture } = setup({ hooks: { onRequest: () => ({ headers }) } });
      await refused(client.call(checkEmail, {}), capture, /hooks\.onRequest headers/);
    }
  });
});

describe('per-call options are checked like the config', () => {
  test.for([
    [{ timeout: 5 }, 'options.timeout'],
    [{ sginal: new AbortController().signal }, 'options.sginal'],
    [{ headers: 'x' }, 'options.headers'],
    [{ headers: new Headers() }, 'options.headers'],
    [{ signal: {} }, 'options.signal'],
    [{ timeoutMs: 2 ** 31 }, 'options.timeoutMs'],
    [{ timeoutMs: 0 }, 'options.timeoutMs'],
    [{ maxRetries: 11 }, 'options.maxRetries'],
    [{ maxResponseBytes: -1 }, 'options.maxResponseBytes'],
  ] as const)('%j is refused, naming the operation', async ([options, parameter]) => {
    const { client, capture } = setup();
    const error = await refused(client.call(checkEmail, {}, options as never), capture, parameter);
    expect(error.message).toMatch(/^checkEmail: /);
    expect(error.operation).toBe('checkEmail');
  });
});

describe('the config', () => {
  test.for([
    [{ timeoutMs: 2 ** 31 }, 'timeoutMs'],
    [{ requestSigning: { validForMinutes: 5, validFor: 3 } }, 'requestSigning.validFor'],
    [{ requestSigning: { validForMinutes: 1e12 } }, 'requestSigning.validForMinutes'],
    [{ requestSigning: { validForMinutes: 1441 } }, 'requestSigning.validForMinutes'],
    [{ hooks: { onRequest: 'log' } }, 'hooks.onRequest'],
    [{ hooks: { onrequest: () => undefined } }, 'hooks.onrequest'],
    [{ hooks: [{ onError: 1 }] }, 'hooks[0].onError'],
    [{ maxResponseBytes: 1.5 }, 'maxResponseBytes'],
    [{ fetch: 'fetch' }, 'fetch'],
  ] as const)('%j is refused', ([config, parameter]) => {
    let error: unknown;
    try {
      api.createClient({ apiKey: 'k', apiSecret: 's-1234', ...(config as object) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(api.LoginRadiusValidationError);
    expect((error as api.LoginRadiusValidationError).parameter).toBe(parameter);
  });

  test('the API secret over plain http:// goes only to this machine unless the caller opts in', () => {
    expect(() => api.createClient({ apiKey: 'k', apiSecret: 's-1234', baseUrl: 'http://mock.internal:4010' })).toThrow(
      /dangerouslyAllowInsecureHttp/,
    );
    for (const baseUrl of [
      'http://127.0.0.1:4010',
      'http://localhost:4010',
      'http://[::1]:4010',
      'http://app.localhost',
      'https://auth.example.com',
    ]) {
      expect(api.createClient({ apiKey: 'k', apiSecret: 's-1234', baseUrl }).settings.baseUrl).toBe(baseUrl);
    }
    expect(
      api.createClient({ apiKey: 'k', apiSecret: 's-1234', baseUrl: 'http://mock.internal:4010', dangerouslyAllowInsecureHttp: true })
        .settings.hasApiSecret,
    ).toBe(true);
    // Without the secret nothing secret crosses the network.
    expect(api.createClient({ apiKey: 'k', baseUrl: 'http://mock.internal:4010' }).settings.hasApiSecret).toBe(false);
  });
});

describe('credentials an operation cannot send', () => {
  test('an access token for an operation that takes none is refused, not silently dropped', async () => {
    const { client, capture } = setup();
    await refused(client.call(checkEmail, { accessToken: 'tok-1234' }), capture, 'accessToken');
  });

  test('a SOTT for an operation that takes none is refused', async () => {
    const { client, capture } = setup();
    await refused(client.call(readProfile, { accessToken: 'tok-1234', sott: 'sott-1234' }), capture, 'sott');
  });

  test('a given access token picks the alternative that sends it (resendPhoneVerificationOtp, verifyPhoneOtp)', async () => {
    const { client, capture } = setup();
    await api.resendPhoneVerificationOtp(client, { body: { phone: '+15550100' }, accessToken: 'tok-5678' } as never);
    expect(capture.requests[0]!.headers.get('authorization')).toBe('Bearer tok-5678');
    await api.resendPhoneVerificationOtp(client, { body: { phone: '+15550100' } } as never);
    expect(capture.requests[1]!.headers.get('authorization')).toBeNull();
  });
});

describe('every error the client throws is a LoginRadiusError', () => {
  test('a BigInt or a circular body', async () => {
    const { client, capture } = setup();
    const circular: Record<string, unknown> = { permissions: ['p'] };
    circular.self = circular;
    for (const body of [
      { permissions: [1n] },
      circular,
      {
        toJSON: () => {
          throw new Error('nope');
        },
      },
    ]) {
      await refused(client.call(removeRolePermissions, { path: { role: 'r' }, body }), capture, 'body');
    }
  });

  test('a hook that throws', async () => {
    const { client } = setup({
      hooks: {
        onRequest: () => {
          throw new RangeError('hook bug');
        },
      },
    });
    const error = await client.call(checkEmail, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusError);
    expect((error as Error).cause).toBeInstanceOf(RangeError);
  });

  test('a transport that throws a non-Error value', async () => {
    const client = api.createClient({
      apiKey: 'k',
      maxRetries: 0,
      fetch: (async () => {
        throw 'plain string';
      }) as never,
    });
    const error = await client.call(checkEmail, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusConnectionError);
  });
});

describe('generateSott refuses windows it cannot mean', () => {
  const base = { apiKey: 'k', apiSecret: 's' };
  test.for([
    [{ startTime: '2026/11/23 10:0:0', endTime: '2026/11/23 9:0:0' }, 'endTime'],
    [{ startTime: '2026/11/23 10:0:0', endTime: '2026/11/23 10:0:0' }, 'endTime'],
    [{ startTime: '2026/13/1 10:0:0' }, 'startTime'],
    [{ startTime: '2026/2/30 10:0:0' }, 'startTime'],
    [{ startTime: '2026/11/23 24:0:0' }, 'startTime'],
    [{ startTime: '2026/11/23 10:60:0' }, 'startTime'],
    [{ endTime: '2026/11/23 10:0:61' }, 'endTime'],
    [{ validForMinutes: 1441 }, 'validForMinutes'],
    [{ startTime: '2026/11/23 10:0:0', endTime: '2026/11/25 10:0:0' }, 'endTime'],
    [{ startTime: new Date(8.64e15) }, 'startTime'],
  ] as const)('%j', async ([options, parameter]) => {
    const error = await api.generateSott({ ...base, ...(options as object) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusValidationError);
    expect((error as api.LoginRadiusValidationError).parameter).toBe(parameter);
  });

  test('a day-long window is accepted', async () => {
    await expect(api.generateSott({ ...base, startTime: '2026/11/23 10:0:0', endTime: '2026/11/24 10:0:0' })).resolves.toMatch(
      /\*[0-9a-f]{32}$/,
    );
  });
});

test('signRequest refuses a window it cannot format', async () => {
  await expect(api.signRequest({ method: 'GET', url: 'https://x.io/', apiSecret: 's', validForMinutes: 1e12 })).rejects.toBeInstanceOf(
    api.LoginRadiusValidationError,
  );
});
