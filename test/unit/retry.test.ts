import { describe, expect, test } from 'vitest';
import type { OperationDescriptor } from '../../src/index';
import { classifyFetchFailure, isRetryable, parseRetryAfter, retryDelayMs, type AttemptOutcome } from '../../src/retry';

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
    expect(retryDelayMs(1, '2', now)).toBe(2000);
  });

  test('exponential backoff with jitter, capped', () => {
    expect(retryDelayMs(1, null, now, () => 0)).toBe(250);
    expect(retryDelayMs(1, null, now, () => 1)).toBe(500);
    expect(retryDelayMs(3, null, now, () => 1)).toBe(2000);
    expect(retryDelayMs(10, null, now, () => 1)).toBe(8000);
    expect(retryDelayMs(1, '3600', now, () => 1)).toBe(500);
  });
});

describe('classifyFetchFailure', () => {
  test('a refused connection provably never reached the server', () => {
    const error = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    expect(classifyFetchFailure(error)).toEqual({ kind: 'not-sent' });
  });
  test('a reset might have reached it', () => {
    const error = new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    expect(classifyFetchFailure(error)).toEqual({ kind: 'connection' });
  });
});
