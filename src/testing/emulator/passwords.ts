/** Password hashes for emulated accounts: salted SHA-256, enough for a test double that never holds real passwords. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `salt:hex(sha256(salt + password))` with a fresh salt. */
export function hashPassword(password: string): string {
  const salt = randomBytes(8).toString('hex');
  return `${salt}:${digest(salt, password)}`;
}

/** Whether `password` matches a hash made by {@link hashPassword}. */
export function passwordMatches(hash: string, password: string): boolean {
  const [salt = '', want = ''] = hash.split(':');
  const got = digest(salt, password);
  return got.length === want.length && timingSafeEqual(Buffer.from(got), Buffer.from(want));
}

function digest(salt: string, password: string): string {
  return createHash('sha256').update(salt).update(password).digest('hex');
}
