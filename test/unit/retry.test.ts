import { describe, expect, test } from 'vitest';
import type { OperationDescriptor } from '../../src/index';
import { classifyFetchFailure, isRetryable, parseRetryAfter, retryDelayMs, type AttemptOutcome } from '../../src/call/retry';

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
