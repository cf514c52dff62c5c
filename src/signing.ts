/**
 * API request signing: instead of sending the API secret, send an HMAC-SHA256 of the request made with it.
 * LoginRadius checks `digest: SHA-256=<base64 HMAC(secret, message)>` where
 * `message = expires + ":" + lowercase(encodeURIComponent(decodeURIComponent(url)))` followed by
 * `":" + body` when there is a body, and `X-Request-Expires` is a UTC `YYYY-MM-DD HH:mm:ss` time.
 * (The official Node SDK signs the string "undefined" instead of the URL; this signs the real request.)
 */
import { subtleCrypto, toBase64 } from './web-crypto';

/** How far ahead of now a signature expires, unless configured otherwise. */
export const DEFAULT_SIGNATURE_VALID_MINUTES = 20;

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
  const now = input.now ?? new Date();
  const expires = formatExpiry(new Date(now.getTime() + (input.validForMinutes ?? DEFAULT_SIGNATURE_VALID_MINUTES) * 60_000));
  const message = signingMessage(expires, input.url, input.body);
  const subtle = subtleCrypto();
  const key = await subtle.importKey('raw', new TextEncoder().encode(input.apiSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await subtle.sign('HMAC', key, new TextEncoder().encode(message));
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
