// Hostile answers cost bounded work on every transport: a body past maxResponseBytes (declared, streamed,
// or a compression bomb, stacked codings included) is a LoginRadiusResponseTooLargeError; the time limit
// still ends a call while its body decodes; a redirect is the same LoginRadiusConnectionError everywhere;
// a server's Retry-After is obeyed or the call gives up at once. Real loopback sockets throughout.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as api from '../../src/index';
import { createNodeTransport } from '../../src/node/index';
import { readResponse } from '../../src/call/response';
import { REGISTER_OPERATION } from '../support/operations';

const MiB = 1024 * 1024;
// 16 MiB of zeros compress to about 16 KiB: decoded, they are twice the limit the tests set.
const bomb = gzipSync(Buffer.alloc(16 * MiB));
const doubleBomb = gzipSync(bomb);

let server: Server;
let origin: string;
const hits = new Map<string, number>();
const held: ServerResponse[] = [];
let mostHeld = 0;
let releaseTimer: NodeJS.Timeout | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    switch (path) {
      case '/big':
        res.writeHead(200, { 'content-type': 'application/json' });
        // Streamed without a length: the limit must stop reading, not the length check.
        for (let i = 0; i < 12; i++) res.write(Buffer.alloc(MiB, 0x20));
        return void res.end('{}');
      case '/declared-big':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(64 * MiB) });
        return void res.write('{');
      case '/bomb':
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.byteLength) });
        return void res.end(bomb);
      case '/double-bomb':
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-encoding': 'gzip, gzip',
          'content-length': String(doubleBomb.byteLength),
        });
        return void res.end(doubleBomb);
      case '/slow-gzip': {
        // A compressed body that trickles in: the call's time limit must end it mid-decode.
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        const gzip = createGzip({ flush: 2 });
        gzip.pipe(res);
        gzip.write('{"a":"');
        const timer = setInterval(() => gzip.write('x'.repeat(1000)), 20);
        return void res.on('close', () => clearInterval(timer));
      }
      case '/redirect':
        res.writeHead(307, { location: 'https://elsewhere.example/steal' });
        return void res.end();
      case '/retry-after-long':
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3600' });
        return void res.end('{"ErrorCode":1270,"Description":"Too many requests"}');
      case '/retry-after-negative':
        res.writeHead(hits.get(path) === 1 ? 429 : 200, { 'content-type': 'application/json', 'retry-after': '-5' });
        return void res.end('{"IsPosted":true}');
      case '/held': {
        // Answers are held until 100 are waiting, or until none has arrived for a second: the most held at
        // once is the most sockets the client opened, however slow the machine is.
        held.push(res);
        mostHeld = Math.max(mostHeld, held.length);
        clearTimeout(releaseTimer);
        const release = (): void => {
          for (const waiting of held.splice(0)) waiting.end('{"IsPosted":true}');
        };
        if (held.length >= 100) release();
        else releaseTimer = setTimeout(release, 1000);
        return;
      }
      case '/serverinfo':
        return void setTimeout(() => res.end(JSON.stringify({ CurrentTime: '2026-11-23 12:00:00' })), 50);
      default:
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"IsPosted":true}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const op = (path: string, extra: Partial<api.OperationDescriptor> = {}): api.OperationDescriptor => ({
  id: 'readThing',
  method: 'GET',
  path,
  security: [['apiKey']],
  idempotent: true,
  ...extra,
});

const TRANSPORTS: readonly (readonly [string, () => Partial<api.ClientConfig>])[] = [
  ["Node's built-in fetch", () => ({})],
  ['createNodeTransport', () => ({ transport: createNodeTransport() })],
];

describe.each(TRANSPORTS)('on %s', (_name, transport) => {
  const client = (config: Partial<api.ClientConfig> = {}) =>
    api.createClient({ apiKey: 'k', baseUrl: origin, maxRetries: 2, maxResponseBytes: 8 * MiB, ...transport(), ...config });

  test.for(['/big', '/declared-big', '/bomb', '/double-bomb'])('%s stops at the limit with a typed error, not retried', async (path) => {
    const before = hits.get(path) ?? 0;
    const error = await client()
      .call(op(path), {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusResponseTooLargeError);
    expect(error).toMatchObject({ operation: 'readThing', maxResponseBytes: 8 * MiB });
    expect(hits.get(path)! - before).toBe(1);
  });

  test('a per-call limit overrides the client one', async () => {
    const error = await client()
      .call(op('/ok'), {}, { maxResponseBytes: 5 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusResponseTooLargeError);
  });

  test('timeoutMs ends a call while its compressed body is still arriving and decoding', async () => {
    const error = await client({ maxRetries: 0 })
      .call(op('/slow-gzip'), {}, { timeoutMs: 150 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusTimeoutError);
  });

  test('a redirect is a LoginRadiusConnectionError, neither followed nor retried', async () => {
    const before = hits.get('/redirect') ?? 0;
    const error = await client()
      .call(op('/redirect'), {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusConnectionError);
    expect((error as Error).message).toMatch(/answered with a redirect/);
    expect((error as Error).message).not.toContain('elsewhere.example');
    expect(hits.get('/redirect')! - before).toBe(1);
  });
});

describe('Retry-After', () => {
  const client = () => api.createClient({ apiKey: 'k', baseUrl: origin, maxRetries: 3 });

  test('longer than the client waits: one attempt, and the error says how long the server asked for', async () => {
    const before = hits.get('/retry-after-long') ?? 0;
    const error = await client()
      .call(op('/retry-after-long'), {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.LoginRadiusRateLimitError);
    expect((error as api.LoginRadiusRateLimitError).retryAfterMs).toBe(3_600_000);
    expect(hits.get('/retry-after-long')! - before).toBe(1);
  });

  test('a negative value counts as absent: backoff, then success', async () => {
    await expect(client().call(op('/retry-after-negative'), {})).resolves.toEqual({ IsPosted: true });
    expect(hits.get('/retry-after-negative')).toBe(2);
  });
});

test('concurrent retries without a caller signal add no listener to any shared object', async () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error): void => void warnings.push(warning);
  process.on('warning', onWarning);
  try {
    let n = 0;
    // Every call fails once with a retryable 429, then succeeds: 30 retry waits at once.
    const flaky = (async () =>
      n++ % 2 === 0
        ? new Response('{}', { status: 429, headers: { 'retry-after': '0' } })
        : new Response('{"IsPosted":true}')) as typeof fetch;
    const lr = api.createClient({ apiKey: 'k', fetch: flaky, maxRetries: 1 });
    let calls = 0;
    const serial = async (): Promise<void> => {
      calls++;
      await lr.call(op('/x'), {}).catch(() => undefined);
    };
    await Promise.all(Array.from({ length: 30 }, serial));
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toBe(30);
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  } finally {
    process.off('warning', onWarning);
  }
});

test("sottClock 'server': one server-time request however many registrations start at once", async () => {
  const before = hits.get('/identity/v2/serverinfo') ?? 0;
  const lr = api.createClient({ apiKey: 'k', apiSecret: 's-1234', baseUrl: origin, sottClock: 'server' });
  const register = REGISTER_OPERATION;
  await Promise.all(Array.from({ length: 20 }, () => lr.call(register, { body: {} })));
  expect((hits.get('/identity/v2/serverinfo') ?? 0) - before).toBe(1);
});

test('the Node transport opens at most 64 sockets per origin by default', async () => {
  const lr = api.createClient({ apiKey: 'k', baseUrl: origin, transport: createNodeTransport() });
  await Promise.all(Array.from({ length: 100 }, () => lr.call(op('/held'), {})));
  expect(mostHeld).toBe(64);
  mostHeld = 0;
  const unbounded = api.createClient({ apiKey: 'k', baseUrl: origin, transport: createNodeTransport({ maxSockets: Infinity }) });
  await Promise.all(Array.from({ length: 100 }, () => unbounded.call(op('/held'), {})));
  expect(mostHeld).toBe(100);
  expect(() => createNodeTransport({ maxSockets: 0 })).toThrow(api.LoginRadiusValidationError);
});

test("making an error excerpt looks at a bounded prefix of the body, whatever the body's size", () => {
  const seen: number[] = [];
  const scrub = (text: string): string => {
    seen.push(text.length);
    return text;
  };
  const huge = `<html>${' \n\t'.repeat(10 * MiB)}</html>`;
  const result = readResponse('op', { status: 502, headers: new Headers(), text: huge }, scrub);
  expect(result.ok).toBe(false);
  expect(Math.max(...seen)).toBeLessThanOrEqual(16 * 1024);
});

test.for(['Transfer-Encoding', 'Host', 'Content-Length', 'Connection'])(
  'the Node transport itself refuses a %s header from its caller',
  async (name) => {
    const before = [...hits.values()].reduce((a, b) => a + b, 0);
    const transport = createNodeTransport();
    const error = await transport({
      method: 'POST',
      url: `${origin}/ok`,
      headers: { [name]: 'x' },
      body: '{}',
      signal: new AbortController().signal,
      maxResponseBytes: MiB,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(String((error as Error).cause)).toContain(name);
    expect([...hits.values()].reduce((a, b) => a + b, 0)).toBe(before);
  },
);
