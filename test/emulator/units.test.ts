// The emulator's small pure parts: SOTT checking (against SOTTs made by the client's own Web Crypto
// generator, an independent implementation), error answers and the clock.
import { describe, expect, test } from 'vitest';
import { generateSott } from '../../src/index';
import { advanceClock, emulatorNow } from '../../src/testing/emulator/clock';
import { lrError } from '../../src/testing/emulator/errors';
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
