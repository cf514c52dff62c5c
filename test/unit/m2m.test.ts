import { describe, expect, test } from 'vitest';
import * as api from '../../src/index';
import { M2M_TOKEN_OPERATION, m2mTokenSource } from '../../src/auth/m2m';
import { callables } from '../support/spec';

const CLIENT = { clientId: 'm2m-client-1', clientSecret: 'm2m-secret-XYZ-77', audience: 'https://api.example.com/manage' };
const manageOp: api.OperationDescriptor = {
  id: 'getAllOrganizationsLike',
  method: 'GET',
  path: '/v2/manage/organizations',
  security: [['m2mToken']],
};

/** One JWT part: JSON in unpadded base64url. */
function jwtPart(value: object): string {
  return btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

function jwtWithExp(exp: number | string): string {
  return `${jwtPart({ alg: 'RS256' })}.${jwtPart({ exp })}.sig`;
}

describe('the client-credentials token source', () => {
  test('its token call matches the spec operation', () => {
    const spec = callables.find((c) => c.name === 'generateM2MToken')!;
    expect(M2M_TOKEN_OPERATION).toMatchObject({
      id: spec.name,
      method: spec.method,
      path: spec.path,
      security: spec.security,
      server: spec.server,
    });
    expect(M2M_TOKEN_OPERATION.sensitive).toEqual(expect.arrayContaining([...spec.sensitive]));
  });

  test('asks once, keeps the token until a minute before expire_in, then asks again', async () => {
    let clock = 1_000_000;
    const bodies: Record<string, string>[] = [];
    const source = m2mTokenSource(
      CLIENT,
      async (body) => {
        bodies.push(body);
        return { access_token: `tok-${bodies.length}`, expire_in: '3600' };
      },
      () => clock,
    );
    expect(await source.get()).toBe('tok-1');
    clock += 3_539_000;
    expect(await source.get()).toBe('tok-1');
    clock += 2_000;
    expect(await source.get()).toBe('tok-2');
    expect(bodies[0]).toEqual({
      grant_type: 'client_credentials',
      client_id: 'm2m-client-1',
      client_secret: 'm2m-secret-XYZ-77',
      audience: CLIENT.audience,
    });
  });

  test('concurrent calls share one grant', async () => {
    let asked = 0;
    const source = m2mTokenSource(CLIENT, async () => {
      asked++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { access_token: 'shared', expire_in: 600 };
    });
    expect(await Promise.all([source.get(), source.get(), source.get()])).toEqual(['shared', 'shared', 'shared']);
    expect(asked).toBe(1);
  });

  test('without expire_in, the JWT exp claim sets the lifetime', async () => {
    let clock = 1_700_000_000_000;
    let asked = 0;
    const source = m2mTokenSource(
      CLIENT,
      async () => ({ access_token: jwtWithExp(1_700_000_000 + 120), ...(asked++ ? {} : {}) }),
      () => clock,
    );
    await source.get();
    clock += 59_000;
    await source.get();
    expect(asked).toBe(1);
    clock += 2_000;
    await source.get();
    expect(asked).toBe(2);
  });

  /** A source on a moved clock that counts its grants; each grant answers what `answer` gives. */
  function countingSource(answer: (n: number) => Record<string, unknown>, start = 1_700_000_000_000) {
    const state = { clock: start, asked: 0 };
    const source = m2mTokenSource(
      CLIENT,
      async () => answer(++state.asked),
      () => state.clock,
    );
    return { source, state };
  }

  /** A token from `answer` is reused until `renewAfterMs` after it was obtained, and renewed exactly then. */
  async function expectRenewalAfter(answer: () => Record<string, unknown>, renewAfterMs: number): Promise<void> {
    const { source, state } = countingSource(answer);
    await source.get();
    state.clock += renewAfterMs - 1;
    await source.get();
    expect(state.asked).toBe(1);
    state.clock += 1;
    await source.get();
    expect(state.asked).toBe(2);
  }

  test('renews exactly at a minute before expiry, not a moment later', async () => {
    await expectRenewalAfter(() => ({ access_token: 'tok', expire_in: 120 }), 60_000);
  });

  test('expires_in (the RFC 6749 spelling) counts when expire_in is absent', async () => {
    await expectRenewalAfter(() => ({ access_token: 'tok', expires_in: '600' }), 540_000);
  });

  test.each([[0], [-30], ['soon'], [null]])('an unusable expire_in (%j) falls back to the JWT exp claim', async (expireIn) => {
    // exp ten minutes ahead, so the answer differs from the five-minute fallback
    await expectRenewalAfter(() => ({ access_token: jwtWithExp(1_700_000_000 + 600), expire_in: expireIn }), 540_000);
  });

  test('a JWT payload with base64url characters is decoded', async () => {
    const payload = jwtPart({ sub: '>>>???', exp: 1_700_000_000 + 600 });
    expect(payload).toMatch(/[-_]/);
    await expectRenewalAfter(() => ({ access_token: `${jwtPart({ alg: 'RS256' })}.${payload}.sig` }), 540_000);
  });

  test.each([
    ['an opaque token', 'opaque-token-without-dots'],
    ['a payload that is not JSON', `x.${btoa('not json')}.sig`],
    ['an exp that is not a number', jwtWithExp('1700000300' as never)],
  ])('%s is trusted five minutes', async (_what, token) => {
    await expectRenewalAfter(() => ({ access_token: token }), 240_000);
  });

  test('a JWT that has already expired is asked for again on the next call', async () => {
    const { source, state } = countingSource(() => ({ access_token: jwtWithExp(1_700_000_000 - 10) }));
    await source.get();
    await source.get();
    expect(state.asked).toBe(2);
  });

  test('a refused token is dropped; another token is not', async () => {
    let n = 0;
    const source = m2mTokenSource(CLIENT, async () => ({ access_token: `tok-${++n}`, expire_in: '3600' }));
    expect(await source.get()).toBe('tok-1');
    source.refused('other');
    expect(await source.get()).toBe('tok-1');
    source.refused('tok-1');
    expect(await source.get()).toBe('tok-2');
  });

  test('a failed grant is not cached', async () => {
    let n = 0;
    const source = m2mTokenSource(CLIENT, async () => {
      if (++n === 1) throw new Error('down');
      return { access_token: 'ok', expire_in: '60' };
    });
    await expect(source.get()).rejects.toThrow('down');
    expect(await source.get()).toBe('ok');
  });
});

describe('a client with an M2M app', () => {
  function hubClient(answers: (url: URL) => Response, config: Partial<api.ClientConfig> = {}) {
    const sent: { url: string; method: string; headers: Headers; body: string }[] = [];
    const client = api.createClient({
      apiKey: 'k',
      m2m: CLIENT,
      hub: 'acme',
      maxRetries: 0,
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        sent.push({ url: request.url, method: request.method, headers: request.headers, body: await request.text() });
        return answers(new URL(request.url));
      }) as typeof fetch,
      ...config,
    });
    return { client, sent };
  }
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  test('obtains a token on the hub domain, then sends it as a Bearer header', async () => {
    const { client, sent } = hubClient((url) =>
      url.pathname === '/service/oauth/token' ? json({ access_token: 'm2m-tok', expire_in: '3600' }) : json({ Data: [] }),
    );
    await client.call(manageOp, {});
    await client.call(manageOp, {});
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST https://acme.hub.loginradius.com/service/oauth/token?apikey=k',
      'GET https://api.loginradius.com/v2/manage/organizations',
      'GET https://api.loginradius.com/v2/manage/organizations',
    ]);
    expect(JSON.parse(sent[0]!.body)).toMatchObject({ grant_type: 'client_credentials', client_id: 'm2m-client-1' });
    expect(sent[1]!.headers.get('authorization')).toBe('Bearer m2m-tok');
    for (const r of sent) expect(r.url).not.toContain('m2m-secret');
  });

  test('a 401 drops the token and repeats the call once with a fresh one', async () => {
    let tokens = 0;
    let calls = 0;
    const { client, sent } = hubClient((url) => {
      if (url.pathname === '/service/oauth/token') return json({ access_token: `m2m-${++tokens}`, expire_in: '3600' });
      return ++calls === 1 ? json({ ErrorCode: 1148, Description: 'token expired' }, 401) : json({ Data: [] });
    });
    expect(await client.call(manageOp, {})).toEqual({ Data: [] });
    expect(sent.map((r) => r.headers.get('authorization'))).toEqual([null, 'Bearer m2m-1', null, 'Bearer m2m-2']);
    await client.call(manageOp, {});
    expect(tokens).toBe(2);
  });

  test('a second 401 with the fresh token is the error; a fixed token is not asked again', async () => {
    let tokens = 0;
    const refusing = hubClient((url) =>
      url.pathname === '/service/oauth/token'
        ? json({ access_token: `m2m-${++tokens}`, expire_in: '3600' })
        : json({ ErrorCode: 1148 }, 401),
    );
    await expect(refusing.client.call(manageOp, {})).rejects.toBeInstanceOf(api.LoginRadiusAuthenticationError);
    expect(refusing.sent).toHaveLength(4);
    const fixed = hubClient(() => json({ ErrorCode: 1148 }, 401), { m2m: { token: 'mine' } });
    await expect(fixed.client.call(manageOp, {})).rejects.toBeInstanceOf(api.LoginRadiusAuthenticationError);
    expect(fixed.sent).toHaveLength(1);
  });

  test('100 concurrent calls make one token request', async () => {
    let tokens = 0;
    const { client } = hubClient((url) =>
      url.pathname === '/service/oauth/token' ? json({ access_token: `m2m-${++tokens}`, expire_in: '3600' }) : json({ Data: [] }),
    );
    await Promise.all(Array.from({ length: 100 }, () => client.call(manageOp, {})));
    expect(tokens).toBe(1);
  });

  test('a failed grant fails the call with a typed error that names the token call and does not contain the client secret', async () => {
    const { client } = hubClient(() => json({ ErrorCode: 1008, Description: 'bad client m2m-secret-XYZ-77' }, 401));
    const error = await client.call(manageOp, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusAuthenticationError);
    expect(error).toMatchObject({ operation: 'generateM2MToken' });
    expect(JSON.stringify(error) + String((error as Error).stack) + (error as Error).message).not.toContain('m2m-secret-XYZ-77');
  });

  test('a custom domain replaces the hub domain; baseUrl (a mock) serves everything', async () => {
    const custom = hubClient(() => json({ access_token: 't', expire_in: '60' }), { hub: 'https://auth.acme.example' });
    await api.getM2MJwks(custom.client, {}).catch(() => undefined);
    expect(custom.sent[0]!.url).toBe('https://auth.acme.example/service/oauth/jwks?apikey=k');
    const mock = hubClient(() => json({ keys: [] }), { hub: undefined, baseUrl: 'http://127.0.0.1:4010' });
    await api.getM2MJwks(mock.client, {});
    expect(mock.sent[0]!.url).toBe('http://127.0.0.1:4010/service/oauth/jwks?apikey=k');
  });

  test('a hub operation without config.hub is refused before anything is sent', async () => {
    const { client, sent } = hubClient(() => json({}), { hub: undefined });
    await expect(api.getM2MJwks(client, {})).rejects.toMatchObject({ name: 'LoginRadiusValidationError', parameter: 'hub' });
    expect(sent).toHaveLength(0);
  });

  test.for<[string, Partial<api.ClientConfig>]>([
    ['a hub that is neither an app name nor a URL', { hub: 'not a host!' }],
    ['a plain-http hub', { hub: 'http://auth.acme.example' }],
    ['an M2M app without audience', { m2m: { clientId: 'a', clientSecret: 'b' } as never }],
    ['an M2M app with an unknown key', { m2m: { ...CLIENT, scope: 'x' } as never }],
    ['an M2M client secret over plain http to another host', { baseUrl: 'http://mock.internal:4010' }],
  ])('%s is refused at creation', ([, config]) => {
    expect(() => api.createClient({ apiKey: 'k', m2m: CLIENT, ...config })).toThrow(api.LoginRadiusValidationError);
  });

  test('revoking a token resolves to undefined on an empty 200', async () => {
    const { client } = hubClient(() => new Response('', { status: 200 }));
    const result = await api.revokeM2MToken(client, {
      body: { client_id: 'c', client_secret: 's', token: 't', token_type_hint: 'access_token' },
    });
    expect(result).toBeUndefined();
  });

  test('an operation with a JSON answer still refuses an empty 200', async () => {
    const { client } = hubClient(() => new Response('', { status: 200 }));
    await expect(api.getM2MJwks(client, {})).rejects.toBeInstanceOf(api.LoginRadiusApiError);
  });
});
