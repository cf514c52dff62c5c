/**
 * A per-client request signer: imports the HMAC key from the API secret once, then signs each attempt.
 */
import { signingHeaders, type SignatureHeaders } from './signing';
import { subtleCrypto } from './web-crypto';

/** Signs one attempt over the exact URL and body it sends. */
export type RequestSigner = (url: string, body: string | undefined) => Promise<SignatureHeaders>;

export function createRequestSigner(apiSecret: string, validForMinutes: number): RequestSigner {
  let key: Promise<CryptoKey> | undefined;
  return async (url, body) => {
    key ??= subtleCrypto().importKey('raw', new TextEncoder().encode(apiSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return signingHeaders(await key, url, body, new Date(), validForMinutes);
  };
}
