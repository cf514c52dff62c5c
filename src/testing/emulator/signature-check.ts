/**
 * Checks a signed request the way LoginRadius does: `digest: SHA-256=<base64 HMAC-SHA256(secret, message)>`
 * over `expires:lowercase(encodeURIComponent(decodeURIComponent(url)))[:body]`, with `X-Request-Expires` a UTC
 * `YYYY-MM-DD HH:mm:ss` time still ahead. Written with node:crypto, independently of the client's Web Crypto
 * signer (src/auth/signing.ts), so the emulator catches a client that signs the wrong thing.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What arrived: the URL as the client requested it, the exact body text and the two signature headers. */
export interface SignedRequest {
  readonly url: string;
  readonly body: string;
  readonly digest: string;
  readonly expires: string | undefined;
}

const EXPIRY = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Why the signature is refused, or undefined when it is the app's and has not expired at `now`. */
export function signatureProblem(request: SignedRequest, apiSecret: string, now: number): string | undefined {
  const parts = request.expires === undefined ? null : EXPIRY.exec(request.expires);
  if (parts === null) return 'X-Request-Expires must be a UTC time written YYYY-MM-DD HH:mm:ss';
  const [, year, month, day, hours, minutes, seconds] = parts.map(Number) as number[];
  const expiresAt = Date.UTC(year!, month! - 1, day!, hours!, minutes!, seconds!);
  if (now > expiresAt) return `the signature expired at ${request.expires} UTC`;
  let url: string;
  try {
    url = encodeURIComponent(decodeURIComponent(request.url)).toLowerCase();
  } catch {
    return 'the URL is not validly percent-encoded';
  }
  const message = request.body ? `${request.expires}:${url}:${request.body}` : `${request.expires}:${url}`;
  const expected = Buffer.from(`SHA-256=${createHmac('sha256', apiSecret).update(message).digest('base64')}`);
  const given = Buffer.from(request.digest);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'the digest does not match the request';
  return undefined;
}
