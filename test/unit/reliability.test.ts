// The transport against a real misbehaving server: typed errors, retry counts per operation kind,
// timeouts, cancellation, and nothing sent on bad input.
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as api from '../../src/index';
import type { OperationDescriptor } from '../../src/index';
import { startFaultServer, type FaultServer } from '../support/fault-server';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A read-only operation (safe to retry) and a message-sending one (never repeated) on the same path. */
const readOp = (path: string): OperationDescriptor => ({ id: 'readThing', method: 'GET', path, security: [['apiKey']], idempotent: true });
const sendOp = (path: string): OperationDescriptor => ({ id: 'sendOtp', method: 'GET', path, security: [['apiKey']] });

function client(options: Partial<api.ClientConfig> = {}): api.LoginRadiusClient {
  return api.createClient({ apiKey: 'k', baseUrl: server.url, ...options });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('errors carry what LoginRadius said', () => {
  test.for<[string, new (...args: never[]) => api.LoginRadiusError, Record<string, unknown>]>([
    ['/500', api.LoginRadiusServerError, { status: 500, errorCode: 950, description: 'Operation failed due to an unknown error.' }],
    [
      '/502-html',
      api.LoginRadiusServerError,
      { status: 502, errorCode: undefined, bodyExcerpt: expect.stringContaining('502 Bad Gateway') },
    ],
    ['/403-empty', api.LoginRadiusPermissionDeniedError, { status: 403, bodyExcerpt: '' }],
    [
      '/200-error-code',
      api.LoginRadiusPermissionDeniedError,
      { status: 403, httpStatus: 200, errorCode: 906, code: 'ACCESS_TOKEN_EXPIRED', description: 'Access token has expired.' },
    ],
    ['/200-html', api.LoginRadiusApiError, { status: 200, bodyExcerpt: '<html>maintenance</html>' }],
    ['/429-no-header', api.LoginRadiusRateLimitError, { status: 429 }],
  ])('%s', async ([path, type, fields]) => {
    const error = await failure(client({ maxRetries: 0 }).call(sendOp(path!), {}));
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ operation: 'sendOtp', ...fields });
  });
});

describe('retries never repeat a side effect', () => {
  test.for<[string, 'read' | 'send', number]>([
    ['/503', 'read', 3],
    ['/503', 'send', 1],
    ['/500', 'read', 3],
    ['/500', 'send', 1],
    ['/reset', 'read', 3],
    ['/reset', 'send', 1],
    ['/429-no-header', 'send', 3],
  ])('%s, %s operation: %i attempt(s)', async ([path, kind, attempts]) => {
    const before = server.hits(path!);
    const op = kind === 'read' ? readOp(path!) : sendOp(path!);
    await failure(client({ maxRetries: 2 }).call(op, {}));
    expect(server.hits(path!) - before).toBe(attempts);
  });

  test('a 429 with Retry-After: 0 is retried and then succeeds', async () => {
    await expect(client().call(sendOp('/429-then-ok'), {})).resolves.toEqual({ IsPosted: true });
    expect(server.hits('/429-then-ok')).toBe(2);
  });

  test('a refused connection is retried for every operation (it never reached a server)', async () => {
    const hooksSeen: boolean[] = [];
    const refused = api.createClient({
      apiKey: 'k',
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
      maxRetries: 1,
      hooks: { onError: ({ willRetry }) => void hooksSeen.push(willRetry) },
    });
    const error = await failure(refused.call(sendOp('/x'), {}));
    expect(error).toBeInstanceOf(api.LoginRadiusConnectionError);
    expect(hooksSeen).toEqual([true, false]);
  });

  test('maxRetries per call overrides the client', async () => {
    const before = server.hits('/503');
    await failure(client({ maxRetries: 2 }).call(readOp('/503'), {}, { maxRetries: 0 }));
    expect(server.hits('/503') - before).toBe(1);
  });
});

describe('timeouts and cancellation', () => {
  test.for(['/hang-before-headers', '/hang-mid-body'])('%s times out within tolerance', async (path) => {
    const started = performance.now();
    const error = await failure(client({ maxRetries: 0, timeoutMs: 300 }).call(sendOp(path), {}));
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(api.LoginRadiusTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 300, operation: 'sendOtp' });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(3000);
  });

  test('a timed-out message-sending call is not retried; a read is', async () => {
    const before = server.hits('/hang-before-headers');
    await failure(client({ maxRetries: 1, timeoutMs: 150 }).call(sendOp('/hang-before-headers'), {}));
    await failure(client({ maxRetries: 1, timeoutMs: 150 }).call(readOp('/hang-before-headers'), {}));
    expect(server.hits('/hang-before-headers') - before).toBe(3);
  });

  test('the per-call timeout overrides the client', async () => {
    const error = await failure(client({ maxRetries: 0, timeoutMs: 60_000 }).call(sendOp('/hang-before-headers'), {}, { timeoutMs: 100 }));
    expect(error).toMatchObject({ timeoutMs: 100 });
  });

  test('aborting during a request', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(client({ maxRetries: 0 }).call(sendOp('/hang-before-headers'), {}, { signal: controller.signal }));
    expect(error).toBeInstanceOf(api.LoginRadiusAbortError);
  });

  test('aborting during the wait before a retry stops at once', async () => {
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 100);
    // Retry-After: 30 asks for a long wait; the abort must end it.
    const error = await failure(client({ maxRetries: 2 }).call(sendOp('/429-long-retry-after'), {}, { signal: controller.signal }));
    expect(error).toBeInstanceOf(api.LoginRadiusAbortError);
    expect((error as Error).message).toMatch(/waiting to retry/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  test('an already aborted signal sends nothing', async () => {
    const before = server.hits('/ok');
    const error = await failure(client().call(sendOp('/ok'), {}, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(api.LoginRadiusAbortError);
    expect(server.hits('/ok')).toBe(before);
  });

  test('no timer or listener is left behind: a process exits as soon as its call is done', async () => {
    const script = `
      const { createClient } = require('./src/index.ts');
      const lr = createClient({ apiKey: 'k', baseUrl: '${server.url}', timeoutMs: 60000 });
      lr.call({ id: 'readThing', method: 'GET', path: '/ok', security: [['apiKey']] }, {}, { signal: new AbortController().signal })
        .then((r) => console.log(JSON.stringify(r)));`;
    const started = Date.now();
    // The client's timeout is 60 s: a leaked timer would keep the child alive that long.
    const child = await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(child.stdout.trim()).toBe('{"IsPosted":true}');
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('redirects', () => {
  test('are refused, so credentials never follow one to another place', async () => {
    const before = server.hits('/echo');
    const error = await failure(
      client({ apiSecret: 'redirect-secret', maxRetries: 0 }).call(
        { id: 'readAccount', method: 'GET', path: '/redirect', security: [['apiKey', 'apiSecret']] },
        {},
      ),
    );
    expect(error).toBeInstanceOf(api.LoginRadiusConnectionError);
    expect(server.hits('/echo')).toBe(before);
  });
});

describe('bad input: nothing reaches the server', () => {
  test('a missing required query parameter', async () => {
    const op: OperationDescriptor = {
      id: 'checkEmail',
      method: 'GET',
      path: '/ok',
      security: [['apiKey']],
      query: { Email: { type: 'string', required: true } },
    };
    const before = server.hits('/ok');
    const error = await failure(client().call(op, { query: {} }));
    expect(error).toBeInstanceOf(api.LoginRadiusValidationError);
    expect((error as Error).message).toBe('checkEmail: missing required query parameter Email');
    expect(server.hits('/ok')).toBe(before);
  });
});

describe('hooks and logging', () => {
  test('hooks run once per attempt with the operation id and a redacted request', async () => {
    const events: string[] = [];
    const lr = api.createClient({
      apiKey: 'k',
      apiSecret: 'hook-secret',
      baseUrl: server.url,
      maxRetries: 2,
      hooks: {
        onRequest: ({ operation, attempt, request }) => {
          events.push(`request ${operation} #${attempt} secret=${request.headers['x-loginradius-apisecret']}`);
          return { headers: { traceparent: `00-trace-${attempt}`, 'X-LoginRadius-ApiSecret': 'hijack' } };
        },
        onResponse: ({ attempt, status }) => void events.push(`response #${attempt} ${status}`),
        onError: ({ attempt, willRetry }) => void events.push(`error #${attempt} retry=${willRetry}`),
      },
    });
    const op: OperationDescriptor = { id: 'readThing', method: 'GET', path: '/503', security: [['apiKey', 'apiSecret']], idempotent: true };
    await failure(lr.call(op, {}));
    expect(events).toEqual([
      'request readThing #1 secret=[redacted]',
      'response #1 503',
      'error #1 retry=true',
      'request readThing #2 secret=[redacted]',
      'response #2 503',
      'error #2 retry=true',
      'request readThing #3 secret=[redacted]',
      'response #3 503',
      'error #3 retry=false',
    ]);
  });

  test('onRequest can add a tracing header but not replace a credential', async () => {
    const lr = api.createClient({
      apiKey: 'k',
      apiSecret: 'real-secret',
      baseUrl: server.url,
      hooks: { onRequest: () => ({ headers: { traceparent: '00-abc', 'X-LoginRadius-ApiSecret': 'hijack' } }) },
    });
    const echoed = await lr.call<{ headers: Record<string, string> }>(
      { id: 'echo', method: 'GET', path: '/echo', security: [['apiKey', 'apiSecret']] },
      {},
    );
    expect(echoed.headers.traceparent).toBe('00-abc');
    expect(echoed.headers['x-loginradius-apisecret']).toBe('real-secret');
  });

  test('the logger gets redacted lines at the chosen level', async () => {
    const lines: string[] = [];
    const record = (level: string) => (message: string, details?: Record<string, unknown>) =>
      void lines.push(`${level} ${message} ${JSON.stringify(details)}`);
    const logger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
    const lr = api.createClient({ apiKey: 'k', apiSecret: 'log-secret', baseUrl: server.url, logger, logLevel: 'debug' });
    await lr.call(
      { id: 'readThing', method: 'GET', path: '/ok', security: [['apiKey', 'apiSecret', 'accessToken']] },
      { accessToken: 'log-token' },
    );
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['debug', 'info']);
    expect(lines.join('\n')).not.toMatch(/log-secret|log-token/);
    expect(lines[0]).toContain('loginradius readThing → GET');
  });

  test('an invalid logger or log level is a config error', () => {
    expect(() => api.createClient({ apiKey: 'k', logger: {} as never })).toThrow(api.LoginRadiusValidationError);
    expect(() => api.createClient({ apiKey: 'k', logLevel: 'loud' as never })).toThrow(api.LoginRadiusValidationError);
  });
});
