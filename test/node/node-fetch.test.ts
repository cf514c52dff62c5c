// The Node transport on its own: what it puts on the wire and the Response it hands back.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNodeFetch } from '../../src/node/index';
import { json, startRecordingServer, type RecordingServer } from './recording-server';

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer({
    '/json': json(200, { Uid: 'u-1' }, { 'x-request-id': 'req-7', 'set-cookie': ['a=1', 'b=2'] }),
    '/missing': json(404, { ErrorCode: 938, Description: 'The provided Uid does not exist' }),
    '/empty': (_req, res) => {
      res.writeHead(204);
      res.end();
    },
    '/gzip': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync('{"compressed":true}'));
    },
    '/redirect': (_req, res) => {
      res.writeHead(302, { location: '/json' });
      res.end();
    },
  });
});
afterAll(() => server.close());

const nodeFetch = createNodeFetch();
const last = () => server.received.at(-1)!;

describe('what goes out', () => {
  test.for(['GET', 'POST', 'PUT', 'DELETE'])('%s: the request line carries the method, path and query as given', async (method) => {
    await nodeFetch(`${server.origin}/json/a%20b?apikey=k&fields=Uid,Email`, { method });
    expect(last()).toMatchObject({ method, target: '/json/a%20b?apikey=k&fields=Uid,Email' });
  });

  test('headers arrive as set, on a keep-alive connection to the right host', async () => {
    await nodeFetch(`${server.origin}/json`, { headers: { 'X-LoginRadius-ApiSecret': 'secret-1', Authorization: 'Bearer tok' } });
    expect(last().headers).toMatchObject({
      'x-loginradius-apisecret': 'secret-1',
      authorization: 'Bearer tok',
      host: new URL(server.origin).host,
      connection: 'keep-alive',
    });
  });

  test.for<[string, () => RequestInit, Buffer, string | undefined]>([
    ['UTF-8 text', () => ({ body: '{"FirstName":"Zoë 🚀"}', headers: { 'content-type': 'application/json' } }), Buffer.from('{"FirstName":"Zoë 🚀"}'), 'application/json'],
    ['bytes', () => ({ body: new Uint8Array([0, 1, 2, 255]) }), Buffer.from([0, 1, 2, 255]), undefined],
    ['form fields', () => ({ body: new URLSearchParams({ a: '1', b: 'x y' }) }), Buffer.from('a=1&b=x+y'), 'application/x-www-form-urlencoded;charset=UTF-8'],
  ])('a body of %s goes out byte for byte with its Content-Length', async ([, init, bytes, contentType]) => {
    await nodeFetch(`${server.origin}/json`, { method: 'POST', ...init() });
    expect(last().body.equals(bytes)).toBe(true);
    expect(last().headers['content-length']).toBe(String(bytes.byteLength));
    expect(last().headers['transfer-encoding']).toBeUndefined();
    expect(last().headers['content-type']).toBe(contentType);
  });

  test('the body of a Request input is sent too', async () => {
    await nodeFetch(new Request(`${server.origin}/json`, { method: 'PUT', body: '{"a":1}' }));
    expect(last()).toMatchObject({ method: 'PUT', body: Buffer.from('{"a":1}') });
  });

  test('a POST without a body announces Content-Length: 0, a GET announces nothing', async () => {
    await nodeFetch(`${server.origin}/json`, { method: 'POST' });
    expect(last().headers['content-length']).toBe('0');
    await nodeFetch(`${server.origin}/json`);
    expect(last().headers['content-length']).toBeUndefined();
    expect(last().headers['transfer-encoding']).toBeUndefined();
  });
});

// A URL with a plain init is read directly, anything else through the Request constructor: both must put
// the same request on the wire.
describe('a plain init and a Request send the same thing', () => {
  test.for<[string, RequestInit]>([
    ['text body, no content type', { method: 'POST', body: 'plain text' }],
    ['JSON body with its content type', { method: 'PUT', body: '{"a":"é"}', headers: { 'Content-Type': 'application/json' } }],
    ['bytes', { method: 'PATCH', body: new Uint8Array([1, 2, 3]) }],
    ['no body on a POST', { method: 'POST' }],
    ['header names in mixed case, values with spaces', { headers: { 'X-Trace': ' a ', Accept: 'application/json', accept: 'text/plain' } }],
    ['a DELETE', { method: 'DELETE', headers: { Authorization: 'Bearer t' } }],
  ])('%s', async ([, init]) => {
    await nodeFetch(`${server.origin}/json?via=init`, init);
    const direct = last();
    await nodeFetch(new Request(`${server.origin}/json?via=init`, init));
    const viaRequest = last();
    expect({ ...direct, connection: 0 }).toEqual({ ...viaRequest, connection: 0 });
  });

  test('a GET with a body is refused, as by fetch', async () => {
    await expect(nodeFetch(`${server.origin}/json`, { body: 'x' })).rejects.toThrow(TypeError);
  });
});

describe('what comes back', () => {
  test('a standard Response with status, headers, body and url', async () => {
    const response = await nodeFetch(`${server.origin}/json`);
    expect(response).toBeInstanceOf(Response);
    expect(response).toMatchObject({ status: 200, ok: true, statusText: 'OK', url: `${server.origin}/json` });
    expect(response.headers.get('x-request-id')).toBe('req-7');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.json()).toEqual({ Uid: 'u-1' });
  });

  test('an error status is a response, not a rejection', async () => {
    const response = await nodeFetch(`${server.origin}/missing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ErrorCode: 938 });
  });

  test('204 and HEAD have no body', async () => {
    expect((await nodeFetch(`${server.origin}/empty`)).body).toBeNull();
    expect((await nodeFetch(`${server.origin}/json`, { method: 'HEAD' })).body).toBeNull();
  });

  test('a gzip-encoded body is decoded, as fetch does', async () => {
    expect(await (await nodeFetch(`${server.origin}/gzip`)).json()).toEqual({ compressed: true });
  });

  test('a redirect is returned, not followed, so credentials never travel on to its target', async () => {
    const before = server.received.length;
    const response = await nodeFetch(`${server.origin}/redirect`, { headers: { 'X-LoginRadius-ApiSecret': 's' } });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/json');
    expect(server.received.length - before).toBe(1);
  });
});

describe('connections', () => {
  test('sequential calls reuse one keep-alive connection', async () => {
    const own = createNodeFetch();
    const before = server.connections();
    for (let i = 0; i < 5; i++) await (await own(`${server.origin}/json`)).text();
    expect(server.connections() - before).toBe(1);
  });

  test('keepAlive: false opens a connection per call', async () => {
    const own = createNodeFetch({ keepAlive: false });
    const before = server.connections();
    for (let i = 0; i < 3; i++) await (await own(`${server.origin}/json`)).text();
    expect(server.connections() - before).toBe(3);
  });

  test('two transports never share a connection', async () => {
    const [a, b] = [createNodeFetch(), createNodeFetch()];
    const before = server.connections();
    await a(`${server.origin}/json`);
    await b(`${server.origin}/json`);
    await a(`${server.origin}/json`);
    expect(server.connections() - before).toBe(2);
  });
});
