/**
 * API request signing: instead of sending the API secret, send an HMAC-SHA256 of the request made with it.
 * LoginRadius checks `digest: SHA-256=<base64 HMAC(secret, message)>` where
 * `message = expires + ":" + lowercase(encodeURIComponent(decodeURIComponent(url)))` followed by
 * `":" + body` when there is a body, and `X-Request-Expires` is a UTC `YYYY-MM-DD HH:mm:ss` time.
 * (The official Node SDK signs the string "undefined" instead of the URL; this signs the real request.)
 *
 * A client signs through {@link createRequestSigner}, which imports the HMAC key from the secret once.
 */
import { LoginRadiusValidationError } from '../errors';
import { subtleCrypto, toBase64 } from './web-crypto';

/** How far ahead of now a signature expires, unless configured otherwise. */
export const DEFAULT_SIGNATURE_VALID_MINUTES = 20;
/**
 * The longest validity window accepted: a day. A signature is a replayable credential for its URL and
 * body until it expires; LoginRadius documents no maximum, so the client sets one.
 */
export const MAX_SIGNATURE_VALID_MINUTES = 24 * 60;

export interface SignRequestInput {
  readonly method: string;
  /** The absolute URL actually requested, query included (it never contains the secret). */
  readonly url: string;
  /** The exact body text sent, if any. */
  readonly body?: string | undefined;
  readonly apiSecret: string;
  /** The current time (for tests); default now. */
  readonly now?: Date;
  /** How long the signature stays valid; default 20 minutes. */
  readonly validForMinutes?: number;
}

/** The two headers that replace `X-LoginRadius-ApiSecret` on a signed request. */
export interface SignatureHeaders {
  readonly 'X-Request-Expires': string;
  readonly digest: string;
}

/** Signs one request. Pure apart from the clock; exported so a signature can be checked independently. */
export async function signRequest(input: SignRequestInput): Promise<SignatureHeaders> {
  const minutes = input.validForMinutes ?? DEFAULT_SIGNATURE_VALID_MINUTES;
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_SIGNATURE_VALID_MINUTES) {
    throw new LoginRadiusValidationError(
      `signRequest: validForMinutes must be a positive number of minutes, at most ${MAX_SIGNATURE_VALID_MINUTES}`,
      { parameter: 'validForMinutes' },
    );
  }
  const now = input.now ?? new Date();
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw new LoginRadiusValidationError('signRequest: now must be a valid Date', { parameter: 'now' });
  const key = await importHmacKey(input.apiSecret);
  return signingHeaders(key, input.url, input.body, now, minutes);
}

/** The signature headers for a request, given the imported HMAC key (a client imports it once). */
async function signingHeaders(
  key: CryptoKey,
  url: string,
  body: string | undefined,
  now: Date,
  validForMinutes: number,
): Promise<SignatureHeaders> {
  const expires = formatExpiry(new Date(now.getTime() + validForMinutes * 60_000));
  const mac = await subtleCrypto().sign('HMAC', key, new TextEncoder().encode(signingMessage(expires, url, body)));
  return { 'X-Request-Expires': expires, digest: `SHA-256=${toBase64(mac)}` };
}

/** The string that is signed. */
export function signingMessage(expires: string, url: string, body: string | undefined): string {
  const encodedUrl = encodeURIComponent(decodeURIComponent(url)).toLowerCase();
  return body ? `${expires}:${encodedUrl}:${body}` : `${expires}:${encodedUrl}`;
}

/** UTC `YYYY-MM-DD HH:mm:ss`, zero-padded. */
export function formatExpiry(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** Signs one attempt over the exact URL and body it sends. */
export type RequestSigner = (url: string, body: string | undefined) => Promise<SignatureHeaders>;

/** A client's signer: the HMAC key is imported from the secret on first use and kept. */
export function createRequestSigner(apiSecret: string, validForMinutes: number): RequestSigner {
  let key: Promise<CryptoKey> | undefined;
  return async (url, body) => {
    key ??= importHmacKey(apiSecret);
    return signingHeaders(await key, url, body, new Date(), validForMinutes);
  };
}

function importHmacKey(apiSecret: string): Promise<CryptoKey> {
  return subtleCrypto().importKey('raw', new TextEncoder().encode(apiSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}
