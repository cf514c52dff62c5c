/**
 * Checks a SOTT as LoginRadius does: the MD5 suffix matches, it decrypts with the app's secret (AES-256-CBC,
 * key PBKDF2-SHA1 of the secret; see src/auth/sott.ts for the format), it names the app's API key, and the
 * emulator's clock is inside its window.
 */
import { createDecipheriv, createHash, pbkdf2Sync } from 'node:crypto';

const SOTT_IV = Buffer.from('tu89geji340t89u2');
/** Client clocks run a little ahead or behind; LoginRadius tolerates small skew at the start of the window. */
const START_SKEW_MS = 5 * 60_000;

/** Derives the AES key of an app's SOTTs once per secret (PBKDF2 is the slow part). */
export function sottKey(apiSecret: string): Buffer {
  return pbkdf2Sync(apiSecret, Buffer.alloc(8), 10_000, 32, 'sha1');
}

/** Why a SOTT is refused, or undefined when it is valid at `now`. */
export function sottProblem(sott: string, apiKey: string, key: Buffer, now: number): string | undefined {
  const [cipherText = '', checksum = ''] = sott.split('*');
  if (createHash('md5').update(cipherText).digest('hex') !== checksum.toLowerCase()) return 'the checksum does not match';
  let plaintext: string;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, SOTT_IV);
    plaintext = Buffer.concat([decipher.update(Buffer.from(cipherText, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return 'it does not decrypt with the app secret';
  }
  const [start, sottApiKey, end] = plaintext.split('#');
  if (sottApiKey !== apiKey) return 'it was made for another API key';
  const from = parseSottTime(start);
  const to = parseSottTime(end);
  if (from === undefined || to === undefined) return 'its time window is malformed';
  if (now < from - START_SKEW_MS || now > to) return 'it has expired or is not valid yet';
  return undefined;
}

/** LoginRadius's SOTT time, UTC `YYYY/M/D H:mm:ss`. */
function parseSottTime(value: string | undefined): number | undefined {
  const m = value === undefined ? null : /^(\d{4})\/(\d{1,2})\/(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})$/.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return Date.UTC(year, month - 1, day, hour, minute, second);
}
