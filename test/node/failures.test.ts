// Cancellation and network failures: both Node transports must reject the way the built-in fetch does, so
// the client's timeout, abort and retry rules work unchanged on top of them.
import { Agent, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { classifyFetchFailure } from '../../src/call/retry';
import { createNodeTransport } from '../../src/node/index';
import { closedPort, collectGarbage, rejection, waitFor } from './network';
import { startRecordingServer, type RecordingServer } from './recording-server';
import { SENDERS } from './senders';

let server: RecordingServer;
// Requests the server got and never answered, by path.
const hanging = new Map<string, IncomingMessage>();
beforeAll(async () => {
  server = await startRecordingServer({
    '/hang': (req) => void hanging.set(req.url!, req),
    '/hang-mid-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"Uid":');
    },
    '/reset': (req) => req.socket.destroy(),
    '/reset-mid-body': (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"Uid":', () => req.socket.destroy());
    },
  });
});
afterAll(() => server.close());

const arrived = (target: string) => () => server.received.some((r) => r.target === target);

describe.each(SENDERS)('%s', (name, create) => {
  const send = create();

  describe('cancellation', () => {
    test('an already aborted signal rejects with its reason and sends nothing', async () => {
      const reason = new Error('stop');
      const before = server.received.length;
      expect(await rejection(send(`${server.origin}/hang`, { signal: AbortSignal.abort(reason) }))).toBe(reason);
      expect(server.received.length).toBe(before);
    });

    test('aborting while waiting for the answer rejects with the reason and closes the connection', async () => {
      const target = `/hang?wait-${name}`;
      const controller = new AbortController();
      const pending = send(`${server.origin}${target}`, { signal: controller.signal });
      await waitFor(arrived(target));
      const reason = new Error('caller gave up');
      controller.abort(reason);
      expect(await rejection(pending)).toBe(reason);
      // The request is destroyed, not left to finish on a pooled socket.
      await waitFor(() => hanging.get(target)!.socket.destroyed);
    });

    test('aborting still works after a garbage collection while waiting', async () => {
      const target = `/hang?gc-${name}`;
      const controller = new AbortController();
      const pending = send(`${server.origin}${target}`, { signal: controller.signal });
      await waitFor(arrived(target));
      await collectGarbage();
      const reason = new Error('after gc');
      controller.abort(reason);
      expect(await rejection(pending)).toBe(reason);
    });

    test('aborting while the body is arriving rejects too', async () => {
      const target = `/hang-mid-body?${name}`;
      const controller = new AbortController();
      const pending = send(`${server.origin}${target}`, { signal: controller.signal });
      await waitFor(arrived(target));
      controller.abort();
      expect(await rejection(pending)).toMatchObject({ name: 'AbortError' });
    });
  });

  describe('network failures carry the socket error code as cause.code', () => {
    test('a refused connection: ECONNREFUSED, which the client knows was never sent', async () => {
      const error = await rejection(send(`http://127.0.0.1:${await closedPort()}/json`));
      expect(error).toBeInstanceOf(TypeError);
      expect(error).toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNREFUSED' } });
      expect(classifyFetchFailure(error)).toEqual({ kind: 'not-sent' });
    });

    test('a DNS failure: ENOTFOUND, never sent', async () => {
      const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND api.example.invalid'), { code: 'ENOTFOUND' });
      const httpAgent = new Agent({ lookup: (_host, _options, callback) => (callback as (error: Error) => void)(notFound) });
      const error = await rejection(create({ httpAgent })('http://api.example.invalid/json'));
      expect(error).toMatchObject({ message: 'fetch failed', cause: { code: 'ENOTFOUND' } });
      expect(classifyFetchFailure(error)).toEqual({ kind: 'not-sent' });
    });

    test('a connection reset after sending: ECONNRESET, which may have reached the server', async () => {
      const error = await rejection(send(`${server.origin}/reset`));
      expect(error).toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNRESET' } });
      expect(classifyFetchFailure(error)).toEqual({ kind: 'connection' });
    });

    test('a connection reset in the middle of the body: ECONNRESET too', async () => {
      const error = await rejection(send(`${server.origin}/reset-mid-body`));
      expect(error).toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNRESET' } });
      expect(classifyFetchFailure(error)).toEqual({ kind: 'connection' });
    });

    test('a header value Node refuses fails the call instead of throwing', async () => {
      const pending = send(`${server.origin}/json`, { headers: { 'X-Trace': 'a\nb' } });
      expect(await rejection(pending)).toMatchObject({ name: 'TypeError' });
    });

    test('a URL scheme other than http and https is refused', async () => {
      expect(await rejection(send('ftp://127.0.0.1/file'))).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    });
  });
});

describe('createNodeTransport', () => {
  test('a malformed URL rejects instead of throwing', async () => {
    const transport = createNodeTransport();
    const pending = transport({
      method: 'GET',
      url: 'not a url',
      headers: {},
      body: undefined,
      signal: new AbortController().signal,
      maxResponseBytes: 1024,
    });
    expect(await rejection(pending)).toBeInstanceOf(TypeError);
  });
});
