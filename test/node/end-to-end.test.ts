// Behaviour that unit tests only cover in pieces, end to end through a client and a real loopback server:
// a server's Retry-After is waited for, a caller's SOTT is kept, a signing window sets the expiry it says.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as api from '../../src/index';
import { REGISTER_OPERATION } from '../support/operations';

interface Arrived {
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  readonly at: number;
}

let server: Server;
let origin: string;
const arrived: Arrived[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      arrived.push({
        url: `http://${req.headers.host}${req.url}`,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
        at: Date.now(),
      });
      const path = new URL(req.url!, 'http://x').pathname;
      // Never answers: the client's time limit ends each attempt.
      if (path === '/hang') return;
      if (path === '/rate-limited' && arrived.filter((a) => a.url.includes('/rate-limited')).length === 1) {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        return void res.end('{"ErrorCode":1270,"Description":"Too many requests"}');
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"IsPosted":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('a 429 with Retry-After: 1 waits about a second, then the retry succeeds', async () => {
  const client = api.createClient({ apiKey: 'k', baseUrl: origin, maxRetries: 1 });
  const op = { id: 'register', method: 'POST', path: '/rate-limited', security: [['apiKey']], body: 'required' } as const;
  await expect(client.call(op, { body: {} })).resolves.toEqual({ IsPosted: true });
  const attempts = arrived.filter((a) => a.url.includes('/rate-limited'));
  expect(attempts).toHaveLength(2);
  // The server asked for one second: the client never comes back sooner (timer granularity aside).
  expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(990);
});

test('a SOTT the caller passes is sent as given, even when the client could make one', async () => {
  const client = api.createClient({ apiKey: 'k', apiSecret: 'secret-1234', baseUrl: origin });
  const op = REGISTER_OPERATION;
  await client.call(op, { body: {}, sott: 'caller-sott-5678' });
  expect(arrived.at(-1)!.headers['x-loginradius-sott']).toBe('caller-sott-5678');
  await client.call(op, { body: {} });
  expect(arrived.at(-1)!.headers['x-loginradius-sott']).toMatch(/\*[0-9a-f]{32}$/);
});

test('a 5-minute signing window sets X-Request-Expires five minutes ahead, in UTC, and the digest matches', async () => {
  const client = api.createClient({ apiKey: 'k', apiSecret: 'secret-1234', baseUrl: origin, requestSigning: { validForMinutes: 5 } });
  const op = { id: 'readAccount', method: 'GET', path: '/account', security: [['apiKey', 'requestSignature', 'requestExpires']] } as const;
  const before = Date.now();
  await client.call(op, {});
  const request = arrived.at(-1)!;
  const expires = String(request.headers['x-request-expires']);
  const expiresAt = Date.parse(`${expires.replace(' ', 'T')}Z`);
  expect(expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 5 * 60_000);
  expect(expiresAt).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
  const message = `${expires}:${encodeURIComponent(decodeURIComponent(request.url)).toLowerCase()}`;
  expect(request.headers.digest).toBe(`SHA-256=${createHmac('sha256', 'secret-1234').update(message).digest('base64')}`);
});

test('a call that times out on every attempt says how many attempts it made', async () => {
  const client = api.createClient({ apiKey: 'k', baseUrl: origin, maxRetries: 1, timeoutMs: 100 });
  const op = { id: 'readThing', method: 'GET', path: '/hang', security: [['apiKey']], idempotent: true } as const;
  const error = await client.call(op, {}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(api.LoginRadiusTimeoutError);
  expect(error).toMatchObject({ attempts: 2, timeoutMs: 100, message: 'readThing timed out after 100 ms on attempt 2' });
});
