// The Node transports under the client: the same calls, credentials, timeouts, retries and errors as with
// the built-in fetch, so `createClient({ transport: createNodeTransport() })`
// is a drop-in change.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import * as api from '../../src/index';
import { createNodeTransport } from '../../src/node/index';
import { closedPort } from './network';
import { json, startRecordingServer, type Handler, type RecordingServer } from './recording-server';

const seen = new Map<string, number>();
/** Answers with `first` the first `times` times a target is asked (since the last reset), then with `then`. */
const failing =
  (times: number, first: Handler, then: Handler): Handler =>
  (req, res) => {
    const count = (seen.get(req.url!) ?? 0) + 1;
    seen.set(req.url!, count);
    (count <= times ? first : then)(req, res);
  };
const profile = json(200, { Uid: 'u-1', FirstName: 'Ada' });

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer({
    '/identity/v2/manage/account/u-1': profile,
    '/identity/v2/manage/account/u-1/email': json(200, { Uid: 'u-1', Email: [] }),
    '/identity/v2/auth/login': json(200, { access_token: 'tok', Profile: { Uid: 'u-1' } }),
    '/identity/v2/auth/account': json(401, { ErrorCode: 906, Description: 'Access token has expired.' }),
    '/identity/v2/manage/account/hang': () => undefined,
    '/identity/v2/manage/account/moved': (_req, res) => {
      res.writeHead(302, { location: '/identity/v2/manage/account/u-1' });
      res.end();
    },
    '/identity/v2/manage/account/busy': failing(1, json(503, { ErrorCode: 1, Description: 'busy' }, { 'retry-after': '0' }), profile),
    '/identity/v2/manage/account/reset': failing(1, (req) => req.socket.destroy(), profile),
    '/identity/v2/manage/account/slow': failing(1, () => undefined, profile),
  });
});
afterAll(() => server.close());
beforeEach(() => seen.clear());

const TRANSPORTS: readonly (readonly [string, () => Pick<api.ClientConfig, 'fetch' | 'transport'>])[] = [
  ['createNodeTransport', () => ({ transport: createNodeTransport() })],
];
const last = () => server.received.at(-1)!;

describe.each(TRANSPORTS)('calls through %s', (_name, transport) => {
  const client = (options: Partial<api.ClientConfig> = {}): api.LoginRadiusClient =>
    api.createClient({ apiKey: 'key-1', apiSecret: 'secret-1', baseUrl: server.origin, maxRetries: 0, ...transport(), ...options });
  const profileOf = (lr: api.LoginRadiusClient, uid: string, options?: api.RequestOptions) =>
    api.getAccountProfileByUid(lr, { path: { uid } }, options);

  describe('requests and answers', () => {
    test('a secret-keyed read returns the parsed profile; the secret goes in its header only', async () => {
      expect(await profileOf(client(), 'u-1')).toEqual({ Uid: 'u-1', FirstName: 'Ada' });
      expect(last().target).toBe('/identity/v2/manage/account/u-1?apikey=key-1');
      expect(last().headers['x-loginradius-apisecret']).toBe('secret-1');
      expect(last().headers.accept).toBe('application/json');
    });

    test('a JSON body is sent byte for byte', async () => {
      await api.loginByEmail(client(), { body: { email: 'zoë@example.com', password: 'pw' } });
      expect(last()).toMatchObject({ method: 'POST', body: Buffer.from('{"email":"zoë@example.com","password":"pw"}') });
      expect(last().headers['content-type']).toBe('application/json');
      expect(last().headers['content-length']).toBe(String(Buffer.byteLength('{"email":"zoë@example.com","password":"pw"}')));
    });

    test('the body of a DELETE arrives whole', async () => {
      await api.removeEmailByUid(client(), { path: { uid: 'u-1' }, body: { email: 'old@example.com' } });
      expect(last()).toMatchObject({ method: 'DELETE', body: Buffer.from('{"email":"old@example.com"}') });
    });

    test('request signing replaces the secret header with a digest', async () => {
      await profileOf(client({ requestSigning: true }), 'u-1');
      expect(last().headers['x-loginradius-apisecret']).toBeUndefined();
      expect(last().headers.digest).toMatch(/^SHA-256=/);
    });

    test('an API error becomes the typed error', async () => {
      const error = await api.getProfileByAccessToken(client(), { accessToken: 'expired' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(api.LoginRadiusAuthenticationError);
      expect(error).toMatchObject({ status: 401, errorCode: 906 });
    });

    test('a redirect is a connection error, as on the fetch transport: neither followed nor retried', async () => {
      const before = server.received.length;
      const error = await profileOf(client({ maxRetries: 2 }), 'moved').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(api.LoginRadiusConnectionError);
      expect((error as Error).message).toMatch(/answered with a redirect \(HTTP 302\); redirects are not followed/);
      expect(server.received.slice(before).map((r) => r.target)).toEqual(['/identity/v2/manage/account/moved?apikey=key-1']);
    });
  });

  describe('timeouts, aborts, failures and retries keep their meaning', () => {
    test('timeoutMs ends a call that gets no answer', async () => {
      const error = await profileOf(client({ timeoutMs: 50 }), 'hang').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(api.LoginRadiusTimeoutError);
    });

    test("the caller's signal aborts the call", async () => {
      const controller = new AbortController();
      const pending = profileOf(client(), 'hang', { signal: controller.signal }).catch((e: unknown) => e);
      setTimeout(() => controller.abort(), 20);
      expect(await pending).toBeInstanceOf(api.LoginRadiusAbortError);
    });

    test('a refused connection is a connection error naming ECONNREFUSED', async () => {
      const error = await profileOf(client({ baseUrl: `http://127.0.0.1:${await closedPort()}` }), 'u-1').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(api.LoginRadiusConnectionError);
      expect((error as Error).message).toContain('ECONNREFUSED');
    });

    test('a 503 with Retry-After: 0 is retried and the retry answers', async () => {
      expect(await profileOf(client({ maxRetries: 1 }), 'busy')).toEqual({ Uid: 'u-1', FirstName: 'Ada' });
      expect(seen.get('/identity/v2/manage/account/busy?apikey=key-1')).toBe(2);
    });

    test('a reset connection is retried for an idempotent read, on a new connection', async () => {
      expect(await profileOf(client({ maxRetries: 1 }), 'reset')).toEqual({ Uid: 'u-1', FirstName: 'Ada' });
      const [first, second] = server.received.filter((r) => r.target.startsWith('/identity/v2/manage/account/reset')).slice(-2);
      expect(first!.connection).not.toBe(second!.connection);
    });

    test('an attempt that times out is retried, and the retry answers', async () => {
      expect(await profileOf(client({ maxRetries: 1, timeoutMs: 100 }), 'slow')).toEqual({ Uid: 'u-1', FirstName: 'Ada' });
      expect(seen.get('/identity/v2/manage/account/slow?apikey=key-1')).toBe(2);
    });
  });
});
