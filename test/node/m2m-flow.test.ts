// The Management API's M2M flow over real sockets: a loopback server plays the hub's token endpoint and the
// Management API, and the client runs on both transports (the global fetch and createNodeTransport()).
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as api from '../../src/index';
import { createNodeTransport } from '../../src/node/index';
import { startRecordingServer, type RecordingServer } from './recording-server';

const SECRET = 'm2m-client-secret-Q7v2';
const M2M = { clientId: 'm2m-client-7', clientSecret: SECRET, audience: 'https://api.example.com/manage' };

const TRANSPORTS: readonly (readonly [string, () => Partial<api.ClientConfig>])[] = [
  ['fetch', () => ({})],
  ['createNodeTransport()', () => ({ transport: createNodeTransport() })],
];

interface Hub {
  readonly server: RecordingServer;
  tokensIssued(): number;
  /** The answers of the Management API: 'ok', or 'refuse' (401 for the current token). */
  manage: 'ok' | 'refuse-first' | 'refuse';
  tokenStatus: number;
}

async function startHub(): Promise<Hub> {
  let issued = 0;
  const hub: Hub = {
    server: undefined as never,
    tokensIssued: () => issued,
    manage: 'ok',
    tokenStatus: 200,
  };
  let refused = 0;
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  (hub as { server: RecordingServer }).server = await startRecordingServer({
    '/service/oauth/token': (_req, res) => {
      if (hub.tokenStatus !== 200) return json(res, hub.tokenStatus, { ErrorCode: 1008, Description: `client ${SECRET} is not allowed` });
      issued++;
      // A slow grant, so concurrent calls really overlap it.
      setTimeout(() => json(res, 200, { access_token: `m2m-token-${issued}`, token_type: 'Bearer', expire_in: '3600' }), 20);
    },
    '/v2/manage/organizations': (req, res) => {
      const refuse = hub.manage === 'refuse' || (hub.manage === 'refuse-first' && refused++ === 0);
      if (refuse) return json(res, 401, { ErrorCode: 1148, Description: `token ${req.headers.authorization} expired` });
      json(res, 200, { Data: [], nextCursor: null });
    },
  });
  return hub;
}

const listOrganizations: api.OperationDescriptor = {
  id: 'getAllOrganizations',
  method: 'GET',
  path: '/v2/manage/organizations',
  security: [['m2mToken']],
  idempotent: true,
};

describe.each(TRANSPORTS)('the M2M flow with %s', (_name, transport) => {
  let hub: Hub;
  let lines: string[];
  beforeEach(async () => {
    hub = await startHub();
    lines = [];
  });
  afterEach(async () => {
    vi.useRealTimers();
    await hub.server.close();
  });

  const client = () => {
    const log = (level: string) => (message: string, details?: unknown) =>
      void lines.push(`${level} ${message} ${JSON.stringify(details)}`);
    return api.createClient({
      apiKey: 'k',
      baseUrl: hub.server.origin,
      m2m: M2M,
      maxRetries: 0,
      logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
      logLevel: 'debug',
      ...transport(),
    });
  };
  const bearers = () => hub.server.received.filter((r) => r.target.startsWith('/v2/manage')).map((r) => r.headers.authorization);

  test('obtains a token on first use and reuses it', async () => {
    const lr = client();
    for (let i = 0; i < 3; i++) await lr.call(listOrganizations, {});
    expect(hub.tokensIssued()).toBe(1);
    expect(bearers()).toEqual(['Bearer m2m-token-1', 'Bearer m2m-token-1', 'Bearer m2m-token-1']);
    const grant = JSON.parse(hub.server.received[0]!.body.toString());
    expect(grant).toEqual({ grant_type: 'client_credentials', client_id: 'm2m-client-7', client_secret: SECRET, audience: M2M.audience });
    expect(hub.server.received.map((r) => r.target).join(' ')).not.toContain(SECRET);
  });

  test('renews the token shortly before it expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const lr = client();
    await lr.call(listOrganizations, {});
    vi.setSystemTime(Date.now() + 3_530_000);
    await lr.call(listOrganizations, {});
    expect(hub.tokensIssued()).toBe(1);
    vi.setSystemTime(Date.now() + 20_000);
    await lr.call(listOrganizations, {});
    expect(hub.tokensIssued()).toBe(2);
    expect(bearers().at(-1)).toBe('Bearer m2m-token-2');
  });

  test('100 concurrent calls make one token request', async () => {
    const lr = client();
    await Promise.all(Array.from({ length: 100 }, () => lr.call(listOrganizations, {})));
    expect(hub.tokensIssued()).toBe(1);
    expect(new Set(bearers())).toEqual(new Set(['Bearer m2m-token-1']));
  });

  test('a 401 for an expired token: one refresh and one retry', async () => {
    hub.manage = 'refuse-first';
    const lr = client();
    expect(await lr.call(listOrganizations, {})).toEqual({ Data: [], nextCursor: null });
    expect(hub.tokensIssued()).toBe(2);
    expect(bearers()).toEqual(['Bearer m2m-token-1', 'Bearer m2m-token-2']);
  });

  test('a token that keeps being refused fails typed after one retry, naming neither token in the logs', async () => {
    hub.manage = 'refuse';
    const lr = client();
    const error = await lr.call(listOrganizations, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusAuthenticationError);
    expect(bearers()).toHaveLength(2);
    const seen = `${JSON.stringify(error)} ${(error as Error).message} ${(error as Error).stack} ${lines.join('\n')}`;
    expect(seen).not.toContain('m2m-token-1');
    expect(seen).not.toContain('m2m-token-2');
  });

  test('a failing token endpoint is a typed error that names it, with the client secret nowhere', async () => {
    hub.tokenStatus = 403;
    const lr = client();
    const error = await lr.call(listOrganizations, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusPermissionDeniedError);
    expect(error).toMatchObject({ operation: 'generateM2MToken', errorCode: 1008 });
    expect(lines.length).toBeGreaterThan(0);
    const seen = `${JSON.stringify(error)} ${(error as Error).message} ${(error as Error).stack} ${lines.join('\n')}`;
    expect(seen).not.toContain(SECRET);
    expect(hub.server.received.some((r) => r.target.startsWith('/v2/manage'))).toBe(false);
  });
});
