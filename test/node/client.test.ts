// The Node transport under the client: the same calls, credentials, timeouts and errors as with the
// built-in fetch, so `createClient({ fetch: createNodeFetch() })` is a drop-in change.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as api from '../../src/index';
import { createNodeFetch } from '../../src/node/index';
import { json, startRecordingServer, type RecordingServer } from './recording-server';

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer({
    '/identity/v2/manage/account/u-1': json(200, { Uid: 'u-1', FirstName: 'Ada' }),
    '/identity/v2/auth/login': json(200, { access_token: 'tok', Profile: { Uid: 'u-1' } }),
    '/identity/v2/auth/account': json(401, { ErrorCode: 906, Description: 'Access token has expired.' }),
    '/identity/v2/manage/account/hang': () => undefined,
  });
});
afterAll(() => server.close());

const client = (options: Partial<api.ClientConfig> = {}): api.LoginRadiusClient =>
  api.createClient({ apiKey: 'key-1', apiSecret: 'secret-1', baseUrl: server.origin, fetch: createNodeFetch(), maxRetries: 0, ...options });
const last = () => server.received.at(-1)!;

describe('calls through createNodeFetch', () => {
  test('a secret-keyed read returns the parsed profile; the secret goes in its header only', async () => {
    expect(await api.getAccountProfileByUid(client(), { path: { uid: 'u-1' } })).toEqual({ Uid: 'u-1', FirstName: 'Ada' });
    expect(last().target).toBe('/identity/v2/manage/account/u-1?apikey=key-1');
    expect(last().headers['x-loginradius-apisecret']).toBe('secret-1');
  });

  test('a JSON body is sent byte for byte', async () => {
    await api.loginByEmail(client(), { body: { email: 'zoë@example.com', password: 'pw' } });
    expect(last()).toMatchObject({ method: 'POST', body: Buffer.from('{"email":"zoë@example.com","password":"pw"}') });
    expect(last().headers['content-type']).toBe('application/json');
  });

  test('request signing replaces the secret header with a digest', async () => {
    await api.getAccountProfileByUid(client({ requestSigning: true }), { path: { uid: 'u-1' } });
    expect(last().headers['x-loginradius-apisecret']).toBeUndefined();
    expect(last().headers.digest).toMatch(/^SHA-256=/);
  });

  test('an API error becomes the typed error', async () => {
    const error = await api.getProfileByAccessToken(client(), { accessToken: 'expired' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusAuthenticationError);
    expect(error).toMatchObject({ status: 401, errorCode: 906 });
  });
});

describe('timeouts, aborts and failures keep their meaning', () => {
  test('timeoutMs ends a call that gets no answer', async () => {
    const error = await api.getAccountProfileByUid(client({ timeoutMs: 50 }), { path: { uid: 'hang' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusTimeoutError);
  });

  test("the caller's signal aborts the call", async () => {
    const controller = new AbortController();
    const pending = api.getAccountProfileByUid(client(), { path: { uid: 'hang' } }, { signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 20);
    expect(await pending).toBeInstanceOf(api.LoginRadiusAbortError);
  });

  test('a refused connection is a connection error naming ECONNREFUSED', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const error = await api.getAccountProfileByUid(client({ baseUrl: `http://127.0.0.1:${port}` }), { path: { uid: 'u-1' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusConnectionError);
    expect((error as Error).message).toContain('ECONNREFUSED');
  });
});
