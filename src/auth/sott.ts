/**
 * SOTT (Secure One-Time Token): proof that a registration request comes from your app. LoginRadius's format is
 * `base64(AES-256-CBC(key, iv, "<start>#<apiKey>#<end>")) + "*" + md5hex(thatBase64)`, where the key is
 * PBKDF2-SHA1 of the API secret (8 zero bytes of salt, 10 000 iterations). Web Crypto only, so it runs on
 * every runtime.
 *
 * The key derivation is the expensive part (about 4-9 ms); {@link createSottGenerator} derives it once and
 * then each SOTT costs a few microseconds of AES. The official SDKs derive it on every call.
 */
import { LoginRadiusValidationError } from '../errors';
import { md5Hex } from './md5';
import { subtleCrypto, toBase64 } from './web-crypto';

/** LoginRadius's fixed initialisation vector for SOTTs. */
// Marked pure so bundlers drop them (and this module) from apps that never make a SOTT.
const SOTT_IV = /* @__PURE__ */ new TextEncoder().encode('tu89geji340t89u2');
const SALT = /* @__PURE__ */ new Uint8Array(8);
const ITERATIONS = 10_000;
const DEFAULT_VALID_MINUTES = 10;
/**
 * The longest window accepted: a day. A SOTT lets anyone register users in your app while it is valid;
 * LoginRadius documents no maximum, so the client sets one.
 */
const MAX_SOTT_VALID_MINUTES = 24 * 60;

export interface SottOptions {
  /** When the SOTT becomes valid: a `Date`, or a UTC string in LoginRadius's `YYYY/M/D H:mm:ss` form. Default: now. */
  readonly startTime?: Date | string;
  /** When it stops being valid (same forms). Default: `startTime` + `validForMinutes`. */
  readonly endTime?: Date | string;
  /** Validity window when `endTime` is not given. Default 10 minutes. */
  readonly validForMinutes?: number;
}

export interface GenerateSottOptions extends SottOptions {
  readonly apiKey: string;
  readonly apiSecret: string;
}

/** Makes a SOTT generator for one app that derives the AES key once and reuses it. */
export function createSottGenerator(apiKey: string, apiSecret: string): (options?: SottOptions) => Promise<string> {
  requireText(apiKey, 'apiKey');
  requireText(apiSecret, 'apiSecret');
  let key: Promise<CryptoKey> | undefined;
  // The IV is fixed and times have one-second resolution, so the same plaintext always encrypts to the same
  // SOTT: a burst of registrations within one second reuses the result instead of encrypting again.
  let last: { plaintext: string; sott: Promise<string> } | undefined;
  return async (options = {}) => {
    const plaintext = sottPlaintext(apiKey, options);
    if (last?.plaintext === plaintext) return last.sott;
    key ??= deriveSottKey(apiSecret);
    const sott = key.then((k) => encryptSott(k, plaintext));
    last = { plaintext, sott };
    sott.catch(() => {
      key = undefined;
      last = undefined;
    });
    return sott;
  };
}

/**
 * Generates one SOTT. Derives the key on every call: when you generate many, use
 * {@link createSottGenerator} (or let the client do it: operations that need a SOTT get one automatically
 * when the client has the API secret).
 */
export function generateSott(options: GenerateSottOptions): Promise<string> {
  return createSottGenerator(options.apiKey, options.apiSecret)(options);
}

/** `start#apiKey#end` with both times in LoginRadius's format. Pure, for tests and for checking a SOTT. */
export function sottPlaintext(apiKey: string, options: SottOptions = {}, now: Date = new Date()): string {
  const start = options.startTime ?? now;
  const startDate = toDate(start, 'startTime');
  let end: Date | string;
  if (options.endTime !== undefined) end = options.endTime;
  else {
    const minutes = options.validForMinutes ?? DEFAULT_VALID_MINUTES;
    if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_SOTT_VALID_MINUTES) {
      throw invalidSott('validForMinutes', `validForMinutes must be a positive number of minutes, at most ${MAX_SOTT_VALID_MINUTES}`);
    }
    end = new Date(startDate.getTime() + minutes * 60_000);
  }
  const windowMs = toDate(end, 'endTime').getTime() - startDate.getTime();
  if (windowMs <= 0) throw invalidSott('endTime', 'endTime must be after startTime');
  if (windowMs > MAX_SOTT_VALID_MINUTES * 60_000)
    throw invalidSott('endTime', `the window from startTime to endTime must be at most ${MAX_SOTT_VALID_MINUTES} minutes`);
  return `${sottTime(start, 'startTime')}#${apiKey}#${sottTime(end, 'endTime')}`;
}

function toDate(value: Date | string, field: string): Date {
  return typeof value === 'string' ? parseSottTime(value, field) : validDate(value, field);
}

function validDate(value: unknown, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime()) || value.getUTCFullYear() < 1000 || value.getUTCFullYear() > 9999) {
    throw invalidSott(field, `${field} must be a valid Date (years 1000 to 9999)`);
  }
  return value;
}

function invalidSott(parameter: string, message: string): LoginRadiusValidationError {
  return new LoginRadiusValidationError(`generateSott: ${message}`, { parameter });
}

/**
 * Formats a time as LoginRadius's SOTT expects: UTC `YYYY/M/D H:mm:ss` (month, day and hour unpadded, minutes
 * and seconds zero-padded). This is exactly what the official Node SDK sends, the form proven in production.
 */
export function formatSottTime(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const day = `${date.getUTCFullYear()}/${date.getUTCMonth() + 1}/${date.getUTCDate()}`;
  return `${day} ${date.getUTCHours()}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
}

function sottTime(value: Date | string, field: string): string {
  if (typeof value === 'string') {
    parseSottTime(value, field);
    return value;
  }
  return formatSottTime(validDate(value, field));
}

/** Parses LoginRadius's `YYYY/M/D H:m:s` (UTC); a field out of range (month 13, 24:00, 31 February) is refused. */
function parseSottTime(value: string, field: string): Date {
  const m = /^(\d{4})\/(\d{1,2})\/(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})$/.exec(value);
  const parts = m ? m.slice(1).map(Number) : [];
  const [year, month, day, hour, minute, second] = parts as [number, number, number, number, number, number];
  const date = m ? new Date(Date.UTC(year, month - 1, day, hour, minute, second)) : undefined;
  // Date.UTC rolls overflowing fields into the next unit; a date that does not read back the same was out of range.
  const exact =
    date !== undefined &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  if (!exact) throw invalidSott(field, `${field} must be a Date or a valid UTC time string like 2026/11/23 9:05:07`);
  return date!;
}

async function deriveSottKey(apiSecret: string): Promise<CryptoKey> {
  const subtle = subtleCrypto();
  const material = await subtle.importKey('raw', new TextEncoder().encode(apiSecret), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-1', salt: SALT, iterations: ITERATIONS },
    material,
    { name: 'AES-CBC', length: 256 },
    false,
    ['encrypt'],
  );
}

async function encryptSott(key: CryptoKey, plaintext: string): Promise<string> {
  // AES-CBC in Web Crypto applies PKCS#7 padding, as LoginRadius expects.
  const cipher = await subtleCrypto().encrypt({ name: 'AES-CBC', iv: SOTT_IV }, key, new TextEncoder().encode(plaintext));
  const base64 = toBase64(cipher);
  return `${base64}*${md5Hex(base64)}`;
}

function requireText(value: unknown, field: string): void {
  if (typeof value !== 'string' || value === '')
    throw new LoginRadiusValidationError(`generateSott: ${field} must be a non-empty string`, { parameter: field });
}
