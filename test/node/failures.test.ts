// Cancellation and network failures: the Node transport must reject the way the built-in fetch does, so
// the client's timeout, abort and retry rules work unchanged on top of it.
import { Agent } from 'node:http';
import { createServer } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { classifyFetchFailure } from '../../src/retry';
import { createNodeFetch } from '../../src/node/index';
import { startRecordingServer, type RecordingServer } from './recording-server';

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer({
    '/hang': () => undefined,
    '/hang-gc': () => undefined,
    '/hang-mid-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"Uid":');
    },
    '/reset': (req) => req.socket.destroy(),
  });
});
afterAll(() => server.close());

const nodeFetch = createNodeFetch();

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('cancellation', () => {
  test('an already aborted signal rejects with its reason and sends nothing', async () => {
    const reason = new Error('stop');
    const before = server.received.length;
    expect(await rejection(nodeFetch(`${server.origin}/hang`, { signal: AbortSignal.abort(reason) }))).toBe(reason);
    expect(server.received.length).toBe(before);
  });

  test.for<[string, (url: string, signal: AbortSignal) => Promise<Response>]>([
    ['init.signal', (url, signal) => nodeFetch(url, { signal })],
    ['request.signal', (url, signal) => nodeFetch(new Request(url, { signal }))],
  ])('aborting %s while waiting for the answer rejects with the reason', async ([, call]) => {
    const controller = new AbortController();
    const pending = call(`${server.origin}/hang`, controller.signal);
    await waitFor(() => server.received.some((r) => r.target === '/hang'));
    const reason = new Error('caller gave up');
    controller.abort(reason);
    expect(await rejection(pending)).toBe(reason);
  });

  // A Request's signal follows init.signal only while the Request is alive; dropping it early made aborts
  // silently stop working whenever a garbage collection ran in between.
  test.for<[string, (url: string, signal: AbortSignal) => Promise<Response>]>([
    ['init.signal', (url, signal) => nodeFetch(url, { signal })],
    ['request.signal', (url, signal) => nodeFetch(new Request(url, { signal }))],
  ])('aborting %s still works after a garbage collection while waiting', async ([name, call]) => {
    const controller = new AbortController();
    const pending = call(`${server.origin}/hang-gc?${name}`, controller.signal);
    await waitFor(() => server.received.some((r) => r.target === `/hang-gc?${name}`));
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 10));
    collectGarbage();
    const reason = new Error('after gc');
    controller.abort(reason);
    expect(await rejection(pending)).toBe(reason);
  });

  test('aborting while the body is arriving rejects too', async () => {
    const controller = new AbortController();
    const pending = nodeFetch(`${server.origin}/hang-mid-body`, { signal: controller.signal });
    await waitFor(() => server.received.some((r) => r.target === '/hang-mid-body'));
    controller.abort();
    expect(await rejection(pending)).toMatchObject({ name: 'AbortError' });
  });
});

describe('network failures carry the socket error code as cause.code', () => {
  test('a refused connection: ECONNREFUSED, which the client knows was never sent', async () => {
    const error = await rejection(nodeFetch(`http://127.0.0.1:${await closedPort()}/json`));
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNREFUSED' } });
    expect(classifyFetchFailure(error)).toEqual({ kind: 'not-sent' });
  });

  test('a DNS failure: ENOTFOUND, never sent', async () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND api.example.invalid'), { code: 'ENOTFOUND' });
    const httpAgent = new Agent({ lookup: (_host, _options, callback) => (callback as (error: Error) => void)(notFound) });
    const error = await rejection(createNodeFetch({ httpAgent })('http://api.example.invalid/json'));
    expect(error).toMatchObject({ message: 'fetch failed', cause: { code: 'ENOTFOUND' } });
    expect(classifyFetchFailure(error)).toEqual({ kind: 'not-sent' });
  });

  test('a connection reset after sending: ECONNRESET, which may have reached the server', async () => {
    const error = await rejection(nodeFetch(`${server.origin}/reset`));
    expect(error).toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNRESET' } });
    expect(classifyFetchFailure(error)).toEqual({ kind: 'connection' });
  });

  test('a URL scheme other than http and https is refused', async () => {
    expect(await rejection(nodeFetch('ftp://127.0.0.1/file'))).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
  });
});

/** A full garbage collection, without needing node --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
