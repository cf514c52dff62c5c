// Golden vectors: the SOTT is decrypted here with node:crypto, independently of src/auth/sott.ts.
import { createDecipheriv, createHash, pbkdf2Sync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createSottGenerator, generateSott, LoginRadiusValidationError } from '../../src/index';
import { formatSottTime, sottPlaintext } from '../../src/auth/sott';

const KEY = 'test-api-key';
const SECRET = 'test-api-secret';

function decrypt(sott: string): string {
  const [base64, checksum] = sott.split('*');
  expect(createHash('md5').update(base64!).digest('hex')).toBe(checksum);
  const key = pbkdf2Sync(SECRET, Buffer.alloc(8), 10_000, 32, 'sha1');
  const decipher = createDecipheriv('aes-256-cbc', key, Buffer.from('tu89geji340t89u2', 'utf8'));
  return Buffer.concat([decipher.update(Buffer.from(base64!, 'base64')), decipher.final()]).toString('utf8');
}

describe('generateSott', () => {
  test('matches the official SDKs byte for byte for the same start and end strings', async () => {
    // Published in the reference notes: both official SDKs produce this SOTT for these inputs.
    const sott = await generateSott({ apiKey: KEY, apiSecret: SECRET, startTime: '2025/03/05 13:04:09', endTime: '2025/03/05 13:14:09' });
    expect(sott).toBe(
      '8SG+NitXeUh4MbOQDaux219UU0DYJXNt+oPQIBCS64nTXGPuo8FWRJum3MtDVFWiM+pt976Co0rbHkF/6V3aCA==*5dc57b15c7baa5871f1cb058c5577be2',
    );
  });

  test.for<[string, string, string]>([
    ['single-digit fields', '2025-07-09T08:03:05Z', '2025/7/9 8:03:05#test-api-key#2025/7/9 8:13:05'],
    ['across a month boundary', '2025-01-31T23:55:07Z', '2025/1/31 23:55:07#test-api-key#2025/2/1 0:05:07'],
    ['across a year boundary', '2025-12-31T23:55:07Z', '2025/12/31 23:55:07#test-api-key#2026/1/1 0:05:07'],
    ['just after midnight', '2025-06-15T00:02:03Z', '2025/6/15 0:02:03#test-api-key#2025/6/15 0:12:03'],
  ])('round trip with fixed times: %s', async ([, start, plaintext]) => {
    const sott = await generateSott({ apiKey: KEY, apiSecret: SECRET, startTime: new Date(start) });
    expect(decrypt(sott)).toBe(plaintext);
  });

  test('validForMinutes and explicit end times', () => {
    const start = new Date('2025-03-05T13:04:09Z');
    expect(sottPlaintext(KEY, { startTime: start, validForMinutes: 60 })).toBe('2025/3/5 13:04:09#test-api-key#2025/3/5 14:04:09');
    expect(sottPlaintext(KEY, { startTime: '2025/3/5 13:04:09', endTime: new Date('2025-03-05T13:20:00Z') })).toBe(
      '2025/3/5 13:04:09#test-api-key#2025/3/5 13:20:00',
    );
    expect(formatSottTime(new Date('2025-11-30T09:00:00Z'))).toBe('2025/11/30 9:00:00');
    expect(formatSottTime(new Date('2026-01-05T23:07:03Z'))).toBe('2026/1/5 23:07:03');
    expect(formatSottTime(new Date('2026-12-31T00:59:59Z'))).toBe('2026/12/31 0:59:59');
  });

  test('defaults to a 10-minute window starting now', async () => {
    const before = Date.now();
    const [start, key, end] = decrypt(await generateSott({ apiKey: KEY, apiSecret: SECRET })).split('#');
    expect(key).toBe(KEY);
    const parse = (s: string): number => {
      const [d, t] = s.split(' ');
      const [y, mo, da] = d!.split('/').map(Number);
      const [h, mi, se] = t!.split(':').map(Number);
      return Date.UTC(y!, mo! - 1, da!, h!, mi!, se!);
    };
    expect(parse(start!)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(parse(end!) - parse(start!)).toBe(10 * 60_000);
  });

  test('rejects malformed times and empty credentials', async () => {
    await expect(generateSott({ apiKey: KEY, apiSecret: SECRET, startTime: '2025-03-05 13:04' })).rejects.toBeInstanceOf(
      LoginRadiusValidationError,
    );
    expect(() => createSottGenerator('', SECRET)).toThrow(LoginRadiusValidationError);
  });

  test('a generator reuses the SOTT of an identical plaintext and makes a new one when the time moves', async () => {
    const generate = createSottGenerator(KEY, SECRET);
    const first = await generate({ startTime: new Date('2025-03-05T13:04:09Z') });
    expect(await generate({ startTime: new Date('2025-03-05T13:04:09Z') })).toBe(first);
    const next = await generate({ startTime: new Date('2025-03-05T13:04:10Z') });
    expect(next).not.toBe(first);
    expect(decrypt(next)).toBe('2025/3/5 13:04:10#test-api-key#2025/3/5 13:14:10');
  });

  test('a generator reuses its derived key: many SOTTs, all valid', async () => {
    const generate = createSottGenerator(KEY, SECRET);
    const sotts = await Promise.all(Array.from({ length: 20 }, () => generate({ startTime: new Date('2025-03-05T13:04:09Z') })));
    expect(new Set(sotts).size).toBe(1);
    expect(decrypt(sotts[0]!)).toBe('2025/3/5 13:04:09#test-api-key#2025/3/5 13:14:09');
  });
});
