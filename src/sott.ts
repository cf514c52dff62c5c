/**
 * SOTT (Secure One-Time Token): proof that a registration request comes from your app. LoginRadius's format is
 * `base64(AES-256-CBC(key, iv, "<start>#<apiKey>#<end>")) + "*" + md5hex(thatBase64)`, where the key is
 * PBKDF2-SHA1 of the API secret (8 zero bytes of salt, 10 000 iterations). Web Crypto only, so it runs on
 * every runtime.
 *
 * The key derivation is the expensive part (about 4-9 ms); {@link createSottGenerator} derives it once and
 * then each SOTT costs a few microseconds of AES. The official SDKs derive it on every call.
 */
import { LoginRadiusValidationError } from './errors';
import { md5Hex } from './md5';
import { subtleCrypto, toBase64 } from './web-crypto';

/** LoginRadius's fixed initialisation vector for SOTTs. */
// Marked pure so bundlers drop them (and this module) from apps that never make a SOTT.
const SOTT_IV = /* @__PURE__ */ new TextEncoder().encode('tu89geji340t89u2');
const SALT = /* @__PURE__ */ new Uint8Array(8);
const ITERATIONS = 10_000;
const DEFAULT_VALID_MINUTES = 10;

export interface SottOptions {
  /** When the SOTT becomes valid: a `Date`, or a UTC string in LoginRadius's `YYYY/M/D HH:m:s` form. Default: now. */
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
  let end: Date | string;
  if (options.endTime !== undefined) end = options.endTime;
  else {
    const minutes = options.validForMinutes ?? DEFAULT_VALID_MINUTES;
    if (!Number.isFinite(minutes) || minutes <= 0) throw new LoginRadiusValidationError('generateSott: validForMinutes must be a positive number', { parameter: 'validForMinutes' });
    const startDate = typeof start === 'string' ? parseSottTime(start, 'startTime') : start;
    end = new Date(startDate.getTime() + minutes * 60_000);
  }
  return `${sottTime(start, 'startTime')}#${apiKey}#${sottTime(end, 'endTime')}`;
}

/** Formats a time as LoginRadius's SOTT expects: UTC `YYYY/M/D HH:m:s` (only the hour zero-padded). */
export function formatSottTime(date: Date): string {
  const hour = String(date.getUTCHours()).padStart(2, '0');
  return `${date.getUTCFullYear()}/${date.getUTCMonth() + 1}/${date.getUTCDate()} ${hour}:${date.getUTCMinutes()}:${date.getUTCSeconds()}`;
}

function sottTime(value: Date | string, field: string): string {
  if (typeof value === 'string') {
    parseSottTime(value, field);
    return value;
  }
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new LoginRadiusValidationError(`generateSott: ${field} must be a valid Date`, { parameter: field });
  return formatSottTime(value);
}

function parseSottTime(value: string, field: string): Date {
  const m = /^(\d{4})\/(\d{1,2})\/(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})$/.exec(value);
  const date = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new LoginRadiusValidationError(`generateSott: ${field} must be a Date or a UTC string like 2026/11/23 09:5:7`, { parameter: field });
  }
  return date;
}

async function deriveSottKey(apiSecret: string): Promise<CryptoKey> {
  const subtle = subtleCrypto();
  const material = await subtle.importKey('raw', new TextEncoder().encode(apiSecret), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-1', salt: SALT, iterations: ITERATIONS }, material, { name: 'AES-CBC', length: 256 }, false, ['encrypt']);
}

async function encryptSott(key: CryptoKey, plaintext: string): Promise<string> {
  // AES-CBC in Web Crypto applies PKCS#7 padding, as LoginRadius expects.
  const cipher = await subtleCrypto().encrypt({ name: 'AES-CBC', iv: SOTT_IV }, key, new TextEncoder().encode(plaintext));
  const base64 = toBase64(cipher);
  return `${base64}*${md5Hex(base64)}`;
}

function requireText(value: unknown, field: string): void {
  if (typeof value !== 'string' || value === '') throw new LoginRadiusValidationError(`generateSott: ${field} must be a non-empty string`, { parameter: field });
}
