// createNodeFetch as a fetch: Request inputs, other body types and the Response it hands back. What it
// shares with createNodeTransport (the wire, codings, redirects, connections) is in exchange.test.ts.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNodeFetch } from '../../src/node/index';
import { json, startRecordingServer, type RecordingServer } from './recording-server';

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer({
    '/json': json(200, { Uid: 'u-1' }, { 'x-request-id': 'req-7' }),
    '/empty': (_req, res) => {
      res.writeHead(204);
      res.end();
    },
  });
});
afterAll(() => server.close());

const nodeFetch = createNodeFetch();
const last = () => server.received.at(-1)!;

describe('what goes out', () => {
  test.for<[string, () => RequestInit, Buffer, string | undefined]>([
    ['UTF-8 text', () => ({ body: 'Zoë 🚀' }), Buffer.from('Zoë 🚀'), 'text/plain;charset=UTF-8'],
    ['bytes', () => ({ body: new Uint8Array([0, 1, 2, 255]) }), Buffer.from([0, 1, 2, 255]), undefined],
    ['form fields', () => ({ body: new URLSearchParams({ a: '1', b: 'x y' }) }), Buffer.from('a=1&b=x+y'), 'application/x-www-form-urlencoded;charset=UTF-8'],
  ])('a body of %s goes out byte for byte with its Content-Length and fetch’s content type', async ([, init, bytes, contentType]) => {
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
});

// A URL with a plain init is read directly, anything else through the Request constructor: both must put
// the same request on the wire.
describe('a plain init and a Request send the same thing', () => {
  test.for<[string, RequestInit]>([
    ['text body, no content type', { method: 'POST', body: 'plain text' }],
    ['JSON body with its content type', { method: 'PUT', body: '{"a":"é"}', headers: { 'Content-Type': 'application/json' } }],
    ['bytes', { method: 'PATCH', body: new Uint8Array([1, 2, 3]) }],
    ['no body on a POST', { method: 'POST' }],
    ['a DELETE with a body', { method: 'DELETE', body: '{"email":"a@b.c"}' }],
    ['header names in mixed case, values with spaces', { headers: { 'X-Trace': ' a ', Accept: 'application/json', accept: 'text/plain' } }],
    ['a DELETE', { method: 'DELETE', headers: { Authorization: 'Bearer t' } }],
  ])('%s', async ([, init]) => {
    await nodeFetch(`${server.origin}/json?via=init`, init);
    const direct = last();
    await nodeFetch(new Request(`${server.origin}/json?via=init`, init));
    const viaRequest = last();
    // A Headers object iterates in name order, so only the parsed headers are compared.
    expect({ ...direct, connection: 0, rawHeaders: [] }).toEqual({ ...viaRequest, connection: 0, rawHeaders: [] });
  });

  test('a GET with a body is refused, as by fetch', async () => {
    await expect(nodeFetch(`${server.origin}/json`, { body: 'x' })).rejects.toThrow(TypeError);
  });
});

describe('what comes back', () => {
  test('a standard Response with status, status text, headers, body and url', async () => {
    const response = await nodeFetch(`${server.origin}/json`);
    expect(response).toBeInstanceOf(Response);
    expect(response).toMatchObject({ status: 200, ok: true, statusText: 'OK', url: `${server.origin}/json` });
    expect(response.headers.get('x-request-id')).toBe('req-7');
    expect(await response.json()).toEqual({ Uid: 'u-1' });
  });

  test('204 and HEAD have no body', async () => {
    expect((await nodeFetch(`${server.origin}/empty`)).body).toBeNull();
    expect((await nodeFetch(`${server.origin}/json`, { method: 'HEAD' })).body).toBeNull();
  });
});
