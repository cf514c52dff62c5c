// The emulator's small pure parts: SOTT checking (against SOTTs made by the client's own Web Crypto
// generator, an independent implementation), error answers, one-time passcodes and the clock.
import { describe, expect, test } from 'vitest';
import { generateSott } from '../../src/index';
import { advanceClock, emulatorNow } from '../../src/testing/emulator/clock';
import { lrError } from '../../src/testing/emulator/errors';
import { consumeOtp, issueOtp, OTP_LIFETIME_MS } from '../../src/testing/emulator/otps';
import { sottKey, sottProblem } from '../../src/testing/emulator/sott-check';
import { emptyState } from '../../src/testing/emulator/state';

const app = { apiKey: 'test-api-key', apiSecret: 'test-api-secret' };
const key = sottKey(app.apiSecret);
const start = new Date(Date.UTC(2026, 10, 23, 9, 5, 7));
const at = (minutes: number): number => start.getTime() + minutes * 60_000;

describe('sottProblem', () => {
  test.for([
    ['a SOTT inside its window', app, at(1), undefined],
    ['just before its start (clock skew)', app, at(-4), undefined],
    ['after its end', app, at(11), /expired/],
    ['made with another secret', { ...app, apiSecret: 'other-secret' }, at(1), /decrypt|API key/],
    ['made for another API key', { ...app, apiKey: 'other-key' }, at(1), /another API key/],
  ] as const)('%s', async ([, maker, now, want]) => {
    const sott = await generateSott({ ...maker, startTime: start, validForMinutes: 10 });
    const problem = sottProblem(sott, app.apiKey, key, now);
    if (want === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(want);
  });

  test('a SOTT whose checksum does not match', async () => {
    const sott = await generateSott({ ...app, startTime: start });
    const tampered = sott.slice(0, -1) + (sott.endsWith('0') ? '1' : '0');
    expect(sottProblem(tampered, app.apiKey, key, at(1))).toMatch(/checksum/);
  });
});

describe('lrError', () => {
  test.for([
    [966, 401],
    [936, 403],
    [1048, 400],
    [905, 403],
  ] as const)('code %i answers with the catalogue status %i', ([code, status]) => {
    expect(lrError(code)).toMatchObject({ status, body: { ErrorCode: code, IsProviderError: false, ProviderErrorResponse: null } });
  });
});

test('advanceClock moves the emulator clock and refuses going back', () => {
  const state = emptyState();
  advanceClock(state, 60_000);
  expect(emulatorNow(state, 0)).toBe(60_000);
  expect(() => advanceClock(state, -1)).toThrow(RangeError);
});

describe('one-time passcodes', () => {
  const address = { purpose: 'phone-verification', to: 'Jane@Example.com' };

  test('are six digits, valid once, for the account they were issued to', () => {
    const state = emptyState();
    const code = issueOtp(state, address, 'uid-1');
    expect(code).toMatch(/^\d{6}$/);
    expect(consumeOtp(state, { ...address, to: 'jane@example.com' }, code)).toEqual({ status: 'valid', uid: 'uid-1' });
    expect(consumeOtp(state, address, code)).toEqual({ status: 'invalid' });
  });

  test('a wrong code, another purpose or another recipient is invalid and leaves the code live', () => {
    const state = emptyState();
    const code = issueOtp(state, address, 'uid-1');
    const wrong = code === '000000' ? '000001' : '000000';
    expect(consumeOtp(state, address, wrong)).toEqual({ status: 'invalid' });
    expect(consumeOtp(state, { ...address, purpose: 'login' }, code)).toEqual({ status: 'invalid' });
    expect(consumeOtp(state, { ...address, to: 'john@example.com' }, code)).toEqual({ status: 'invalid' });
    expect(consumeOtp(state, address, code)).toEqual({ status: 'valid', uid: 'uid-1' });
  });

  test('a new code replaces the earlier one', () => {
    const state = emptyState();
    const first = issueOtp(state, address, 'uid-1');
    let second = issueOtp(state, address, 'uid-1');
    while (second === first) second = issueOtp(state, address, 'uid-1');
    expect(consumeOtp(state, address, first)).toEqual({ status: 'invalid' });
    expect(consumeOtp(state, address, second)).toEqual({ status: 'valid', uid: 'uid-1' });
  });

  test('expire on the emulator clock after their lifetime, 15 minutes unless said otherwise', () => {
    const state = emptyState();
    const code = issueOtp(state, address, 'uid-1');
    advanceClock(state, OTP_LIFETIME_MS - 60_000);
    expect(consumeOtp(state, address, code)).toEqual({ status: 'valid', uid: 'uid-1' });
    const again = issueOtp(state, address, 'uid-1');
    advanceClock(state, OTP_LIFETIME_MS);
    expect(consumeOtp(state, address, again)).toEqual({ status: 'expired' });
    const short = issueOtp(state, address, 'uid-1', 1_000);
    advanceClock(state, 1_000);
    expect(consumeOtp(state, address, short)).toEqual({ status: 'expired' });
    expect(OTP_LIFETIME_MS).toBe(900_000);
  });
});
