/**
 * Checks for the options a caller can set both on the client and on one call (`timeoutMs`, `maxRetries`,
 * `maxResponseBytes`, extra `headers`). Each takes a `fail` callback so the config and the call report in
 * their own words (naming the config field, or the operation) through one helper each.
 */
import { CREDENTIAL_HEADERS } from '../auth/credentials';

/** Throws the validation error for a field; config and call validation each pass their own. */
export type Fail = (field: string, message: string) => never;

/** The largest delay timers accept: Node turns anything above it into 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function timeoutMs(value: unknown, field: string, fallback: number, fail: Fail): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_TIMER_MS) {
    fail(field, `${field} must be a positive number of milliseconds, at most ${MAX_TIMER_MS}`);
  }
  return value as number;
}

export function retryCount(value: unknown, field: string, fallback: number, fail: Fail): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 10) {
    fail(field, `${field} must be an integer from 0 to 10`);
  }
  return value as number;
}

export function byteLimit(value: unknown, field: string, fallback: number, fail: Fail): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    fail(field, `${field} must be a positive whole number of bytes`);
  }
  return value as number;
}

// RFC 9110 token characters: what a header name may be made of.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Tab, printable ASCII and Latin-1: what every transport can put on the wire (no CR, LF or NUL).
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** Headers that frame the message or belong to the connection: the transport sets them, nobody else. */
export const FRAMING_HEADERS: ReadonlySet<string> = new Set([
  'host',
  'connection',
  'upgrade',
  'transfer-encoding',
  'content-length',
  'keep-alive',
  'te',
  'trailer',
  'proxy-connection',
  'expect',
]);

/**
 * Checks headers a caller or a hook adds: a plain object of string values whose names are tokens, whose
 * values can be sent as they are, and which neither set a credential nor frame the message. Messages never
 * repeat a value.
 */
export function extraHeaders(value: unknown, field: string, fail: Fail): Readonly<Record<string, string>> | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Headers) {
    fail(field, `${field} must be a plain object of header names and string values`);
  }
  for (const [name, text] of Object.entries(value as Record<string, unknown>)) {
    const lower = name.toLowerCase();
    if (!HEADER_NAME.test(name)) fail(`${field}.${name}`, `${field} has a header name that is not a valid HTTP token`);
    if (CREDENTIAL_HEADERS.has(lower)) fail(`${field}.${name}`, `credentials cannot be set through ${field} (${name})`);
    if (FRAMING_HEADERS.has(lower)) fail(`${field}.${name}`, `${name} is set by the transport and cannot be given in ${field}`);
    if (typeof text !== 'string') fail(`${field}.${name}`, `${field}.${name} must be a string`);
    if (!HEADER_VALUE.test(text as string)) {
      fail(
        `${field}.${name}`,
        `${field}.${name} cannot be sent: it contains line breaks, control characters or characters outside Latin-1`,
      );
    }
  }
  return value as Readonly<Record<string, string>>;
}

/** A true/false switch; `fallback` when not given. */
export function flag(value: unknown, field: string, fallback: boolean, fail: Fail): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(field, `${field} must be true or false`);
  return value as boolean;
}

/** A non-empty string of printable ASCII without spaces (a key, a token, an IP address). */
export function token(value: unknown, field: string, what: string, fail: Fail): string {
  if (typeof value !== 'string' || value.trim() === '') fail(field, `${field} must be a non-empty string (${what})`);
  if (!TOKEN_CHARS.test(value as string)) fail(field, `${field} contains spaces or control characters; check how ${what} was loaded`);
  return value as string;
}

/** Printable ASCII without spaces: what LoginRadius keys, secrets and tokens are, and what a header can carry. */
export const TOKEN_CHARS = /^[\x21-\x7e]+$/;

/** True when a string has an unpaired UTF-16 surrogate, which no URL or header can carry. */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
