// createNodeTransport on its own: the client's prepared request goes out exactly as given, and the answer
// comes back as status, Headers and text, decoded like Response.text().
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNodeTransport } from '../../src/node/index';
import type { TransportRequest } from '../../src/call/transport';
import { startRecordingServer, type RecordingServer } from './recording-server';

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer({
    '/bytes': (req, res) => {
      const hex = new URL(req.url!, 'http://x').searchParams.get('hex')!;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(Buffer.from(hex, 'hex'));
    },
    '/chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      // "é" split across two writes: the text must not depend on where the chunks break.
      const bytes = Buffer.from('{"name":"é"}');
      res.write(bytes.subarray(0, 10));
      setTimeout(() => res.end(bytes.subarray(10)), 5);
    },
    '/empty': (_req, res) => {
      res.writeHead(204, { 'x-empty': 'yes' });
      res.end();
    },
  });
});
afterAll(() => server.close());

const transport = createNodeTransport();
const send = (request: Partial<TransportRequest> & { path: string }) =>
  transport({
    method: 'GET',
    headers: {},
    body: undefined,
    signal: new AbortController().signal,
    maxResponseBytes: 1024 * 1024,
    url: `${server.origin}${request.path}`,
    ...request,
  });
const last = () => server.received.at(-1)!;

describe('what goes out', () => {
  test('the request line, the given headers with their names as written, Host, the body length and Connection', async () => {
    const headers = {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'X-LoginRadius-ApiSecret': 's-1',
      'X-Origin-IP': '203.0.113.7',
    };
    await send({ method: 'PUT', path: '/bytes?apikey=k&hex=7b7d', headers, body: '{"FirstName":"Zoë"}' });
    expect(last()).toMatchObject({ method: 'PUT', target: '/bytes?apikey=k&hex=7b7d', body: Buffer.from('{"FirstName":"Zoë"}') });
    expect(last().rawHeaders).toEqual([
      ...Object.entries(headers).flat(),
      'Host',
      new URL(server.origin).host,
      'content-length',
      String(Buffer.byteLength('{"FirstName":"Zoë"}')),
      'Connection',
      'keep-alive',
    ]);
  });

  test('nothing is added: no user agent, no accepted encodings', async () => {
    await send({ path: '/bytes?hex=7b7d', headers: { Accept: 'application/json' } });
    expect(Object.keys(last().headers).sort()).toEqual(['accept', 'connection', 'host']);
  });
});

describe('what comes back', () => {
  test('a plain object of status, Headers and text, with nothing of Request or Response', async () => {
    const answer = await send({ path: '/bytes?hex=7b22556964223a22752d31227d' });
    expect(Object.keys(answer).sort()).toEqual(['headers', 'status', 'text']);
    expect(answer.status).toBe(200);
    expect(answer.headers).toBeInstanceOf(Headers);
    expect(answer.headers.get('Content-Type')).toBe('application/json');
    expect(answer.text).toBe('{"Uid":"u-1"}');
  });

  test.for<[string, string, string]>([
    ['a leading byte-order mark is dropped', 'efbbbf7b7d', '{}'],
    ['malformed UTF-8 becomes U+FFFD', '7bff7d', '{\ufffd}'],
    ['four-byte characters survive', '22f09f9a8022', '"🚀"'],
  ])('%s, as in Response.text()', async ([, hex, text]) => {
    expect((await send({ path: `/bytes?hex=${hex}` })).text).toBe(text);
    expect(await new Response(Buffer.from(hex, 'hex')).text()).toBe(text);
  });

  test('a body that arrives in several chunks is decoded as one', async () => {
    expect((await send({ path: '/chunked' })).text).toBe('{"name":"é"}');
  });

  test('204 and HEAD: empty text, headers kept', async () => {
    expect(await send({ path: '/empty' })).toMatchObject({ status: 204, text: '' });
    const head = await send({ method: 'HEAD', path: '/bytes?hex=7b7d' });
    expect(head).toMatchObject({ status: 200, text: '' });
    expect(head.headers.get('content-type')).toBe('application/json');
  });
});
