// What the Node transport must do on the wire: the request as sent, the answer handed back, content codings,
// redirects and connection reuse.
import { Agent } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { json, startRecordingServer, type RecordingServer } from './recording-server';
import { SENDERS } from './senders';

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer({
    '/json': json(200, { Uid: 'u-1' }, { 'x-request-id': 'req-7', 'set-cookie': ['a=1', 'b=2'] }),
    '/missing': json(404, { ErrorCode: 938, Description: 'The provided Uid does not exist' }),
    '/encoded': (req, res) => {
      const coding = new URL(req.url!, 'http://x').searchParams.get('coding')!;
      const plain = Buffer.from('{"compressed":"zoë"}');
      const encode = { gzip: gzipSync, 'x-gzip': gzipSync, deflate: deflateSync, br: brotliCompressSync }[coding] ?? ((b: Buffer) => b);
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': coding });
      res.end(encode(plain));
    },
    '/gzip-twice': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip, gzip' });
      res.end(gzipSync(gzipSync('{"twice":true}')));
    },
    '/redirect': (_req, res) => {
      res.writeHead(302, { location: '/json' });
      res.end();
    },
  });
});
afterAll(() => server.close());

const last = () => server.received.at(-1)!;

describe.each(SENDERS)('%s', (_name, create) => {
  const send = create();

  describe('what goes out', () => {
    test.for(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])(
      '%s: the request line carries the method, path and query as given',
      async (method) => {
        await send(`${server.origin}/json/a%20b?apikey=k&fields=Uid,Email`, { method });
        expect(last()).toMatchObject({ method, target: '/json/a%20b?apikey=k&fields=Uid,Email' });
      },
    );

    test('headers arrive as set, on a keep-alive connection to the right host', async () => {
      await send(`${server.origin}/json`, { headers: { 'X-LoginRadius-ApiSecret': 'secret-1', Authorization: 'Bearer tok' } });
      expect(last().headers).toMatchObject({
        'x-loginradius-apisecret': 'secret-1',
        authorization: 'Bearer tok',
        host: new URL(server.origin).host,
        connection: 'keep-alive',
      });
    });

    // Node leaves out the length of a body it does not expect (DELETE), which would cut the body off.
    test.for(['POST', 'PUT', 'PATCH', 'DELETE'])('%s: a UTF-8 JSON body goes out byte for byte with its Content-Length', async (method) => {
      const body = '{"FirstName":"Zoë 🚀"}';
      await send(`${server.origin}/json`, { method, body, headers: { 'Content-Type': 'application/json' } });
      expect(last().body.equals(Buffer.from(body))).toBe(true);
      expect(last().headers['content-length']).toBe(String(Buffer.byteLength(body)));
      expect(last().headers['transfer-encoding']).toBeUndefined();
      expect(last().headers['content-type']).toBe('application/json');
    });

    test('a POST without a body announces Content-Length: 0, a GET announces nothing', async () => {
      await send(`${server.origin}/json`, { method: 'POST' });
      expect(last().headers['content-length']).toBe('0');
      await send(`${server.origin}/json`);
      expect(last().headers['content-length']).toBeUndefined();
      expect(last().headers['transfer-encoding']).toBeUndefined();
    });
  });

  describe('what comes back', () => {
    test('status, headers (repeated ones kept) and the body text', async () => {
      const answer = await send(`${server.origin}/json`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-request-id')).toBe('req-7');
      expect(answer.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
      expect(JSON.parse(answer.text)).toEqual({ Uid: 'u-1' });
    });

    test('an error status is an answer, not a rejection', async () => {
      const answer = await send(`${server.origin}/missing`);
      expect(answer.status).toBe(404);
      expect(JSON.parse(answer.text)).toMatchObject({ ErrorCode: 938 });
    });

    test.for(['gzip', 'x-gzip', 'deflate', 'br', 'identity'])('a %s body is decoded, as fetch does', async (coding) => {
      expect(JSON.parse((await send(`${server.origin}/encoded?coding=${coding}`)).text)).toEqual({ compressed: 'zoë' });
    });

    test('codings applied one after another are undone in reverse', async () => {
      expect(JSON.parse((await send(`${server.origin}/gzip-twice`)).text)).toEqual({ twice: true });
    });

    test('a redirect is returned, not followed, so credentials never travel on to its target', async () => {
      const before = server.received.length;
      const answer = await send(`${server.origin}/redirect`, { headers: { 'X-LoginRadius-ApiSecret': 's' } });
      expect(answer.status).toBe(302);
      expect(answer.headers.get('location')).toBe('/json');
      expect(server.received.length - before).toBe(1);
    });
  });

  describe('connections', () => {
    test('sequential calls reuse one keep-alive connection', async () => {
      const own = create();
      const before = server.connections();
      for (let i = 0; i < 5; i++) await own(`${server.origin}/json`);
      expect(server.connections() - before).toBe(1);
      expect(new Set(server.received.slice(-5).map((r) => r.connection)).size).toBe(1);
    });

    test('keepAlive: false opens a connection per call', async () => {
      const own = create({ keepAlive: false });
      const before = server.connections();
      for (let i = 0; i < 3; i++) await own(`${server.origin}/json`);
      expect(server.connections() - before).toBe(3);
    });

    test('two transports never share a connection', async () => {
      const [a, b] = [create(), create()];
      const before = server.connections();
      await a(`${server.origin}/json`);
      await b(`${server.origin}/json`);
      await a(`${server.origin}/json`);
      expect(server.connections() - before).toBe(2);
    });

    test('a given httpAgent carries the calls', async () => {
      const httpAgent = new Agent({ keepAlive: true });
      const own = create({ httpAgent });
      await own(`${server.origin}/json`);
      expect(Object.values(httpAgent.freeSockets).flat()).toHaveLength(1);
      httpAgent.destroy();
    });
  });
});
