// Redaction, piece by piece: by name in URLs and headers, by value (in every encoding a value travels in) in
// any text, in JSON bodies, and in the sanitised copy of a transport's error. The mutation run over
// src/observe/redact.ts drove these cases: each one fails when a rule is dropped or weakened.
import { describe, expect, test } from 'vitest';
import type { OperationDescriptor } from '../../src/index';
import { callSecrets, createScrubber, redactHeaders, redactUrl, sanitizeCause, scrubJson } from '../../src/observe/redact';

describe('redactUrl', () => {
  test('the names that always carry a secret are redacted without an operation, whatever their case', () => {
    const url = 'https://x.io/a?apikey=k&APISECRET=s1&access_token=t1&Refresh_Token=r1&sott=s2&token=t2&otp=1234&secret=s3&fields=Uid';
    expect(redactUrl(url)).toBe(
      'https://x.io/a?apikey=k&APISECRET=[redacted]&access_token=[redacted]&Refresh_Token=[redacted]&sott=[redacted]&token=[redacted]&otp=[redacted]&secret=[redacted]&fields=Uid',
    );
  });

  test("an operation's sensitive names are redacted too, only those", () => {
    expect(redactUrl('https://x.io/a?pinAuthToken=p1&fields=Uid', ['pinAuthToken'])).toBe(
      'https://x.io/a?pinAuthToken=[redacted]&fields=Uid',
    );
    expect(redactUrl('https://x.io/a?pinAuthToken=p1&fields=Uid')).toBe('https://x.io/a?pinAuthToken=p1&fields=Uid');
  });

  test('a URL without a query, or without a secret in it, comes back as it was', () => {
    expect(redactUrl('https://x.io/a/b')).toBe('https://x.io/a/b');
    expect(redactUrl('https://x.io/a?fields=a%20b')).toBe('https://x.io/a?fields=a%20b');
  });

  test('a string that is not a URL loses everything after its ?', () => {
    expect(redactUrl('not a url?secret=s&x=1\nmore')).toBe('not a url?[redacted]');
  });
});

test('redactHeaders hides the credential headers of a Headers object or a record, whatever their case', () => {
  const headers = new Headers({ authorization: 'Bearer t', 'x-loginradius-sott': 's', accept: 'a' });
  expect(redactHeaders(headers)).toEqual({ authorization: '[redacted]', 'x-loginradius-sott': '[redacted]', accept: 'a' });
  expect(redactHeaders({ 'X-LOGINRADIUS-APISECRET': 's', Digest: 'd' })).toEqual({
    'X-LOGINRADIUS-APISECRET': '[redacted]',
    Digest: '[redacted]',
  });
});

describe('createScrubber', () => {
  test('removes a value as given, percent-encoded, form-encoded and JSON-escaped', () => {
    const secret = 'p@ss word"/é';
    const scrub = createScrubber(() => [secret]);
    const echoes = [
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ v: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
    ];
    for (const echo of echoes) expect(scrub(`before ${echo} after`)).toBe('before [redacted] after');
  });

  test('removes the longest value first, so a value inside another leaves nothing behind', () => {
    const scrub = createScrubber(() => ['abcd', 'abcdefgh']);
    expect(scrub('x abcdefgh y abcd z')).toBe('x [redacted] y [redacted] z');
  });

  test('values shorter than four characters are left alone; four are removed', () => {
    const scrub = createScrubber(() => ['123', '4567']);
    expect(scrub('code 123 and 4567')).toBe('code 123 and [redacted]');
  });

  test('computes the forms once, on first use', () => {
    let reads = 0;
    const scrub = createScrubber(() => {
      reads++;
      return ['secret-1'];
    });
    expect(reads).toBe(0);
    scrub('a');
    scrub('b');
    expect(reads).toBe(1);
  });

  test('with truncated text, the start of a value cut at the end is removed too', () => {
    const scrub = createScrubber(() => ['supersecret']);
    expect(scrub('head super', true)).toBe('head [redacted]');
    expect(scrub('head super', false)).toBe('head super');
    expect(scrub('head supersecret tail', true)).toBe('head [redacted] tail');
    expect(scrub('nothing here', true)).toBe('nothing here');
  });
});

describe('callSecrets', () => {
  const op: OperationDescriptor = { id: 'op', method: 'POST', path: '/p', security: [], sensitive: ['otp', 'password', 'securityanswer'] };

  test('the client secret and the call’s own token and SOTT', () => {
    expect(callSecrets({ ...op, sensitive: undefined }, 'api-secret', { accessToken: 'tok', sott: 'sott' })).toEqual([
      'api-secret',
      'tok',
      'sott',
    ]);
    expect(callSecrets({ ...op, sensitive: undefined }, undefined, { query: { otp: '1234' } })).toEqual([]);
  });

  test('sensitive query values (numbers too) and every string under a sensitive body field, at any depth', () => {
    const values = callSecrets(op, undefined, {
      query: { otp: 482913, fields: 'Uid' },
      body: { email: 'a@x.io', password: 'pw-1', nested: [{ securityanswer: { q1: 'blue', q2: ['green', 7] } }] },
    });
    expect(values.sort()).toEqual(['482913', '7', 'blue', 'green', 'pw-1'].sort());
  });

  test('a cyclic or absurdly deep body ends the walk instead of the call', () => {
    const cyclic: Record<string, unknown> = { password: 'pw-2' };
    cyclic.self = cyclic;
    const fromCycle = callSecrets(op, undefined, { body: cyclic });
    expect(new Set(fromCycle)).toEqual(new Set(['pw-2']));
    expect(fromCycle.length).toBeLessThanOrEqual(34);
    let deep: Record<string, unknown> = { password: 'too-deep' };
    for (let i = 0; i < 40; i++) deep = { next: deep };
    expect(callSecrets(op, undefined, { body: { password: 'top', deep } })).toEqual(['top']);
    let deepValue: unknown = 'deep-value';
    for (let i = 0; i < 40; i++) deepValue = [deepValue];
    expect(callSecrets(op, undefined, { body: { password: ['shallow', deepValue] } })).toEqual(['shallow']);
  });
});

describe('scrubJson', () => {
  const scrub = createScrubber(() => ['secret-1']);

  test('scrubs every string and key of objects and arrays, and keeps other values', () => {
    expect(scrubJson({ a: 'x secret-1', 'secret-1': [1, 'secret-1', null, true, { b: 'secret-1' }] }, scrub)).toEqual({
      a: 'x [redacted]',
      '[redacted]': [1, '[redacted]', null, true, { b: '[redacted]' }],
    });
  });

  test('cuts what is nested deeper than any LoginRadius body', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 40; i++) deep = [deep];
    const out = JSON.stringify(scrubJson(deep, scrub));
    expect(out).toContain('[redacted]');
    expect(out).not.toContain('leaf');
  });
});

describe('sanitizeCause', () => {
  const scrub = createScrubber(() => ['secret-1']);

  test('keeps name, code, errno and syscall, scrubs message and stack, drops every other field', () => {
    const source = Object.assign(new TypeError('failed for secret-1'), {
      code: 'ECONNRESET',
      errno: -104,
      syscall: 'read',
      url: 'https://x?secret=secret-1',
    });
    const safe = sanitizeCause(source, scrub) as unknown as Record<string, unknown>;
    expect(safe).toMatchObject({ name: 'TypeError', message: 'failed for [redacted]', code: 'ECONNRESET', errno: -104, syscall: 'read' });
    expect(safe.url).toBeUndefined();
    expect(String(safe.stack)).toMatch(/^TypeError: failed for \[redacted\]/);
    expect(String(safe.stack)).not.toContain('secret-1');
    expect(Object.getOwnPropertyDescriptor(safe, 'stack')).toMatchObject({ writable: true, configurable: true });
    expect(Object.getOwnPropertyDescriptor(safe, 'name')).toMatchObject({ writable: true, configurable: true });
  });

  test('a thrown string or an object without a stack still becomes an error', () => {
    expect(sanitizeCause('plain secret-1', scrub)).toMatchObject({ name: 'Error', message: 'plain [redacted]' });
    const bare = sanitizeCause({ message: 'bare', code: 7 }, scrub) as unknown as Record<string, unknown>;
    expect(bare).toMatchObject({ name: 'Error', message: 'bare', code: 7, stack: 'Error: bare' });
    expect(sanitizeCause({ name: 'X', message: 42 }, scrub)).toMatchObject({ name: 'X', message: '' });
    expect(sanitizeCause(null, scrub)).toMatchObject({ name: 'Error', message: 'null' });
  });

  test('follows the cause chain five levels, no deeper', () => {
    let chain: unknown = new Error('level 7 secret-1');
    for (let level = 6; level >= 1; level--) chain = new Error(`level ${level}`, { cause: chain });
    const messages: string[] = [];
    for (let e: unknown = sanitizeCause(chain, scrub); e; e = (e as Error).cause) messages.push((e as Error).message);
    expect(messages).toEqual(['level 1', 'level 2', 'level 3', 'level 4', 'level 5', 'level 6']);
    expect(sanitizeCause(new Error('alone'), scrub).cause).toBeUndefined();
  });
});
