import { describe, expect, test } from 'vitest';
import { CREDENTIAL_HEADERS, CREDENTIAL_PLACEMENT, CREDENTIAL_QUERY, placeCredentials } from '../../src/auth/credentials';
import { spec } from '../support/spec';
import {
  type ClientConfig,
  createClient,
  LoginRadiusValidationError,
  type OperationDescriptor,
  type SecurityScheme,
} from '../../src/index';

const available = { apiKey: 'the-key', apiSecret: 'the-secret', accessToken: 'the-token', sott: 'the-sott' };

function op(...security: SecurityScheme[][]): OperationDescriptor {
  return { id: 'someOperation', method: 'GET', path: '/x', security };
}

describe('each security scheme goes where the spec says', () => {
  test.for<[string, SecurityScheme[], Record<string, string>, Record<string, string>]>([
    ['API key', ['apiKey'], { apikey: 'the-key' }, {}],
    ['API key + secret', ['apiKey', 'apiSecret'], { apikey: 'the-key' }, { 'X-LoginRadius-ApiSecret': 'the-secret' }],
    ['API key + access token', ['apiKey', 'accessToken'], { apikey: 'the-key' }, { Authorization: 'Bearer the-token' }],
    ['API key + SOTT', ['apiKey', 'sott'], { apikey: 'the-key' }, { 'X-LoginRadius-Sott': 'the-sott' }],
    ['Social API key + secret (query only)', ['socialApiKey', 'socialApiSecret'], { key: 'the-key', secret: 'the-secret' }, {}],
  ])('%s', ([, schemes, query, headers]) => {
    const placed = placeCredentials(op(schemes), available);
    expect(placed.query).toEqual(query);
    expect(placed.headers).toEqual(headers);
    if (!schemes.includes('socialApiSecret')) expect(Object.values(placed.query)).not.toContain('the-secret');
  });
});

describe('the runtime places credentials exactly as the spec declares its security schemes', () => {
  test('every scheme of the spec, and no other', () => {
    const schemes = spec.components!.securitySchemes as Record<string, { type: string; in?: string; name?: string; scheme?: string }>;
    const declared = Object.fromEntries(
      Object.entries(schemes).map(([name, s]) => [
        name,
        s.type === 'http' ? { in: 'header', name: 'Authorization' } : { in: s.in, name: s.name },
      ]),
    );
    const runtime = Object.fromEntries(Object.entries(CREDENTIAL_PLACEMENT).map(([name, p]) => [name, { in: p.in, name: p.name }]));
    expect(runtime).toEqual(declared);
  });
});

describe('choosing between alternatives', () => {
  const signable = op(['apiKey', 'apiSecret'], ['apiKey', 'requestSignature', 'requestExpires']);

  test('without signing, the secret header; a signed alternative is never chosen', () => {
    expect(placeCredentials(signable, available)).toMatchObject({ headers: { 'X-LoginRadius-ApiSecret': 'the-secret' }, sign: false });
  });

  test('with signing, the signed alternative, with no secret placed (the transport signs)', () => {
    const placed = placeCredentials(signable, available, true);
    expect(placed).toMatchObject({ query: { apikey: 'the-key' }, headers: {}, sign: true });
  });

  test('with signing, an operation without a signed alternative still works', () => {
    expect(placeCredentials(op(['socialApiKey', 'socialApiSecret']), available, true)).toMatchObject({
      query: { key: 'the-key', secret: 'the-secret' },
      sign: false,
    });
  });

  test('uses the first set the call can satisfy', () => {
    const placed = placeCredentials(op(['apiKey', 'accessToken'], ['apiKey']), { apiKey: 'k' });
    expect(placed.schemes).toEqual(['apiKey']);
  });

  test('names the missing credential when no set can be satisfied', () => {
    expect(() => placeCredentials(op(['apiKey', 'apiSecret']), { apiKey: 'k' })).toThrow(LoginRadiusValidationError);
    expect(() => placeCredentials(op(['apiKey', 'apiSecret']), { apiKey: 'k' })).toThrow(/API secret/);
    expect(() => placeCredentials(op(['apiKey', 'accessToken']), { apiKey: 'k' })).toThrow(/access token/);
  });
});

describe('placement rules the mutation run singled out', () => {
  const secretOrSigned: OperationDescriptor = {
    id: 'readAccount',
    method: 'GET',
    path: '/a',
    security: [
      ['apiKey', 'apiSecret'],
      ['apiKey', 'requestSignature', 'requestExpires'],
    ],
  };

  test('the credential headers and query names are exactly those the table places there', () => {
    expect([...CREDENTIAL_HEADERS].sort()).toEqual([
      'authorization',
      'digest',
      'x-loginradius-apikey',
      'x-loginradius-apisecret',
      'x-loginradius-sott',
      'x-request-expires',
    ]);
    expect([...CREDENTIAL_QUERY]).toEqual(['secret', 'access_token', 'api_secret']);
  });

  test('an operation without security needs nothing', () => {
    expect(placeCredentials({ id: 'open', method: 'GET', path: '/o', security: [] }, { apiKey: 'k' })).toEqual({
      query: {},
      headers: {},
      schemes: [],
      sign: false,
    });
  });

  test('signing prefers the signed alternative and puts no secret in its headers; without signing it is never chosen', () => {
    const signed = placeCredentials(secretOrSigned, { apiKey: 'k', apiSecret: 's-1234' }, true);
    expect(signed).toEqual({ query: { apikey: 'k' }, headers: {}, schemes: ['apiKey', 'requestSignature', 'requestExpires'], sign: true });
    const plain = placeCredentials(secretOrSigned, { apiKey: 'k', apiSecret: 's-1234' }, false);
    expect(plain).toMatchObject({ headers: { 'X-LoginRadius-ApiSecret': 's-1234' }, sign: false });
    const onlySigned: OperationDescriptor = { ...secretOrSigned, security: [['apiKey', 'requestSignature', 'requestExpires']] };
    expect(() => placeCredentials(onlySigned, { apiKey: 'k', apiSecret: 's-1234' }, false)).toThrow(/only accepts a signed request/);
  });

  test('the alternative that sends every credential given wins over one that sends some', () => {
    const op: OperationDescriptor = {
      id: 'both',
      method: 'POST',
      path: '/b',
      security: [
        ['apiKey', 'accessToken'],
        ['apiKey', 'accessToken', 'sott'],
      ],
    };
    expect(placeCredentials(op, { apiKey: 'k', accessToken: 't-1', sott: 's-1' }).headers).toEqual({
      Authorization: 'Bearer t-1',
      'X-LoginRadius-Sott': 's-1',
    });
  });

  test('a missing credential is named, with the field to set', () => {
    let error: unknown;
    try {
      placeCredentials({ id: 'register', method: 'POST', path: '/r', security: [['apiKey', 'sott']] }, { apiKey: 'k' });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      message: 'register: missing a SOTT (pass params.sott, or configure apiSecret on the server so the client generates one)',
      operation: 'register',
      parameter: 'sott',
    });
    expect(() => placeCredentials(secretOrSigned, { apiKey: 'k' })).toThrow(
      'readAccount: missing the API secret (config.apiSecret, server-side only)',
    );
  });
});

describe('the M2M credential', () => {
  const manageOp: OperationDescriptor = {
    id: 'readOrganizations',
    method: 'GET',
    path: '/v2/manage/organizations',
    security: [['m2mToken']],
  };
  const eitherOp: OperationDescriptor = {
    id: 'readAccount',
    method: 'GET',
    path: '/identity/v2/manage/account/{uid}',
    pathParams: ['uid'],
    security: [['apiKey', 'apiSecret'], ['apiKey', 'requestSignature', 'requestExpires'], ['m2mToken']],
  };

  function recordingClient(config: Partial<ClientConfig>) {
    const sent: Request[] = [];
    const client = createClient({
      apiKey: 'k',
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        sent.push(new Request(input, init));
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      }) as typeof fetch,
      ...config,
    });
    return { client, sent };
  }

  test('is sent as a Bearer header, never in the URL', async () => {
    const { client, sent } = recordingClient({ m2m: { token: 'm2m-abc' } });
    await client.call(manageOp, {});
    expect(sent[0]!.headers.get('authorization')).toBe('Bearer m2m-abc');
    expect(sent[0]!.url).toBe('https://api.loginradius.com/v2/manage/organizations');
  });

  test('a token function is asked once per call, and only by calls that send the token', async () => {
    let asked = 0;
    const token = () => `m2m-${++asked}`;
    const { client, sent } = recordingClient({ apiSecret: 'secret-1', m2m: { token } });
    await client.call(eitherOp, { path: { uid: 'u1' } });
    expect(asked).toBe(0);
    expect(sent[0]!.headers.get('x-loginradius-apisecret')).toBe('secret-1');
    await client.call(manageOp, {});
    await client.call(manageOp, {});
    expect(asked).toBe(2);
    expect(sent[2]!.headers.get('authorization')).toBe('Bearer m2m-2');
  });

  test('an operation that also takes the secret uses the M2M token when the client has no secret', async () => {
    const { client, sent } = recordingClient({ m2m: { token: async () => 'm2m-async' } });
    await client.call(eitherOp, { path: { uid: 'u1' } });
    expect(sent[0]!.headers.get('authorization')).toBe('Bearer m2m-async');
    expect(sent[0]!.headers.get('x-loginradius-apisecret')).toBeNull();
  });

  test('without an M2M credential, a Management API call is refused before anything is sent', async () => {
    const { client, sent } = recordingClient({});
    const error = await client.call(manageOp, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoginRadiusValidationError);
    expect((error as Error).message).toContain('config.m2m');
    expect(sent).toHaveLength(0);
  });

  test.for<[string, unknown]>([
    ['an empty string', ''],
    ['a token with a space', 'a b'],
    ['a number', 42],
  ])('a token function that returns %s fails typed, without the value', async ([, value]) => {
    const { client, sent } = recordingClient({ m2m: { token: () => value as string } });
    const error = await client.call(manageOp, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoginRadiusValidationError);
    expect(error).toMatchObject({ parameter: 'm2m.token' });
    expect(sent).toHaveLength(0);
  });

  test.for<[string, unknown]>([
    ['null', null],
    ['no token', {}],
    ['an empty token', { token: '' }],
    ['an unknown key', { token: 't', clientSecret: 's' }],
  ])('config.m2m with %s is refused at creation', ([, m2m]) => {
    expect(() => createClient({ apiKey: 'k', m2m: m2m as never })).toThrow(LoginRadiusValidationError);
  });
});
