/** Access to Web Crypto, with a clear error on runtimes that do not expose it globally. */
import { LoginRadiusError } from '../errors';

export function subtleCrypto(): SubtleCrypto {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!subtle) {
    throw new LoginRadiusError(
      'Web Crypto (globalThis.crypto.subtle) is not available in this runtime; on Node 18 assign the ' +
        '`webcrypto` export of node:crypto to globalThis.crypto before using SOTT or request signing',
    );
  }
  return subtle;
}

/** Standard base64 of bytes, without Node's Buffer. */
export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}
