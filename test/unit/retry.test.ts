import { describe, expect, test } from 'vitest';
import {
  classifyFetchFailure,
  isRetryable,
  parseRetryAfter,
  retryDelayMs,
  runWithRetries,
  type AttemptOutcome,
} from '../../src/call/retry';
import { LoginRadiusAbortError, LoginRadiusRateLimitError, type OperationDescriptor } from '../../src/index';

const read: OperationDescriptor = { id: 'read', method: 'GET', path: '/r', security: [], idempotent: true };
const sendsEmail: OperationDescriptor = { id: 'sendEmail', method: 'GET', path: '/s', security: [] };

describe('isRetryable never repeats a side effect', () => {
  test.for<[string, AttemptOutcome, boolean, boolean]>([
    ['429', { kind: 'response', status: 429 }, true, true],
    ['never sent', { kind: 'not-sent' }, true, true],
    ['503', { kind: 'response', status: 503 }, true, false],
    ['timeout', { kind: 'timeout' }, true, false],
    ['reset', { kind: 'connection' }, true, false],
    ['400', { kind: 'response', status: 400 }, false, false],
    ['403', { kind: 'response', status: 403 }, false, false],
  ])('%s: idempotent %s, message-sending %s', ([, outcome, forRead, forSend]) => {
    expect(isRetryable(read, outcome)).toBe(forRead);
    expect(isRetryable(sendsEmail, outcome)).toBe(forSend);
  });
});

describe('retry delays', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  test('Retry-After in seconds and as an HTTP date', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(retryDelayMs(1, 2000)).toBe(2000);
  });

  test('a negative or malformed Retry-After counts as absent; a past date means now', () => {
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter('1e3', now)).toBeUndefined();
    expect(parseRetryAfter('2026', now)).toBe(2_026_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('', now)).toBeUndefined();
  });

  test('the server is obeyed exactly, and a wait longer than the cap gives up', () => {
    expect(retryDelayMs(1, 0)).toBe(0);
    expect(retryDelayMs(1, 60_000, () => 0)).toBe(60_000);
    expect(retryDelayMs(1, 60_001, () => 0)).toBeUndefined();
    expect(retryDelayMs(3, 3_600_000)).toBeUndefined();
  });

  test('exponential backoff with jitter, capped', () => {
    expect(retryDelayMs(1, undefined, () => 0)).toBe(250);
    expect(retryDelayMs(1, undefined, () => 1)).toBe(500);
    expect(retryDelayMs(3, undefined, () => 1)).toBe(2000);
    expect(retryDelayMs(10, undefined, () => 1)).toBe(8000);
  });
});

describe('classifyFetchFailure', () => {
  test('a refused connection provably never reached the server', () => {
    const error = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    expect(classifyFetchFailure(error)).toEqual({ kind: 'not-sent' });
  });
  test("Deno's code-less refusals and DNS failures never reached it either", () => {
    const refused = new TypeError(
      'error sending request for url (https://x.io/): client error (Connect): tcp connect error: Connection refused (os error 111)',
    );
    const dns = new TypeError(
      'error sending request for url (https://x.io/): client error (Connect): dns error: failed to lookup address information: Name or service not known',
    );
    expect(classifyFetchFailure(refused)).toEqual({ kind: 'not-sent' });
    expect(classifyFetchFailure(dns)).toEqual({ kind: 'not-sent' });
    expect(classifyFetchFailure(new TypeError('error sending request: connection reset by peer'))).toEqual({ kind: 'connection' });
  });
  test('a reset might have reached it', () => {
    const error = new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    expect(classifyFetchFailure(error)).toEqual({ kind: 'connection' });
  });
});

describe('Retry-After, every form RFC 9110 allows and nothing else', () => {
  const now = Date.parse('1994-11-06T08:49:30Z');
  test.for([
    ['3', 3000],
    [' 3 ', 3000],
    ['1.25', 1250],
    ['Sun, 06 Nov 1994 08:49:37 GMT', 7000],
    ['Sunday, 06-Nov-94 08:49:37 GMT', 7000],
    // asctime has no zone and means GMT, whatever the local time zone is.
    ['Sun Nov  6 08:49:37 1994', 7000],
  ] as const)('%j → %i ms', ([value, ms]) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });

  test.for(['in Sun, 06 Nov 1994 08:49:37 GMT', 'at Sun Nov  6 08:49:37 1994', 'S Nov  6 08:49:37 1994', '-3', '3s', 'soon'])(
    '%j is not a Retry-After',
    (value) => {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    },
  );
});

describe('the retry loop', () => {
  test('aborting while it waits to retry ends the call with the operation and the reason', async () => {
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const error = new LoginRadiusRateLimitError({ operation: 'read', status: 429, headers: new Headers(), body: {} });
    const pending = runWithRetries({
      op: read,
      maxRetries: 1,
      signal: controller.signal,
      onError: undefined,
      attempt: async () => {
        setTimeout(() => controller.abort(reason), 5);
        return { ok: false, error, outcome: { kind: 'response', status: 429 }, retryAfterMs: 60_000, request: undefined };
      },
    });
    const thrown = await pending.catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(LoginRadiusAbortError);
    expect(thrown).toMatchObject({ operation: 'read', cause: reason, message: 'read was aborted while waiting to retry' });
  });
});

describe('what may be retried', () => {
  const send = sendsEmail;
  test.for([500, 502, 503, 504, 408])('an idempotent read is retried after HTTP %i; a call that sends is not', (status) => {
    expect(isRetryable(read, { kind: 'response', status })).toBe(true);
    expect(isRetryable(send, { kind: 'response', status })).toBe(false);
  });
  test('4xx other than 408 and 429 is never retried; 429 always is', () => {
    for (const status of [400, 401, 403, 404, 409]) expect(isRetryable(read, { kind: 'response', status })).toBe(false);
    expect(isRetryable(send, { kind: 'response', status: 429 })).toBe(true);
  });
});

describe('classifyFetchFailure, code by code and cause by cause', () => {
  test.for(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ConnectionRefused'])(
    '%s never reached a server',
    (code) => {
      expect(classifyFetchFailure(new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) }))).toEqual({
        kind: 'not-sent',
      });
    },
  );

  test('looks five causes deep, no deeper, and stops on a cycle', () => {
    const chain = (depth: number): unknown => {
      let error: Error = Object.assign(new Error('inner'), { code: 'ECONNREFUSED' });
      for (let i = 1; i < depth; i++) error = new Error('outer', { cause: error });
      return error;
    };
    expect(classifyFetchFailure(chain(5))).toEqual({ kind: 'not-sent' });
    expect(classifyFetchFailure(chain(6))).toEqual({ kind: 'connection' });
    const cyclic: { cause?: unknown; message: string } = { message: 'socket hang up' };
    cyclic.cause = cyclic;
    expect(classifyFetchFailure(cyclic)).toEqual({ kind: 'connection' });
  });

  test('reads only the start of a message', () => {
    expect(classifyFetchFailure(new TypeError(`${'x'.repeat(1000)} connection refused`))).toEqual({ kind: 'connection' });
  });
});
