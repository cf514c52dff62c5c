/**
 * One-time passcodes: six digits, one live code per purpose and recipient (a new one replaces the old, as a
 * resend does at LoginRadius), single-use, expiring on the emulator's clock. Each flow maps the outcome to the
 * error code LoginRadius documents for it (a wrong code is not the same number in every flow).
 */
import { randomInt } from 'node:crypto';
import { emulatorNow } from './clock';
import type { EmulatorState } from './state';

/** How long an OTP stays valid: LoginRadius's default OTP validity of 15 minutes. */
export const OTP_LIFETIME_MS = 15 * 60_000;

/** What a code was issued for and to whom: `{ purpose: 'phone-verification', to: '+15551234567' }`. */
export interface OtpAddress {
  readonly purpose: string;
  /** The email address or phone number the code was sent to (compared case-insensitively). */
  readonly to: string;
}

/** What checking a code found: `valid` (and the code is spent), `invalid` (wrong or none) or `expired`. */
export type OtpCheck = { readonly status: 'valid'; readonly uid: string } | { readonly status: 'invalid' | 'expired' };

function keyOf(address: OtpAddress): string {
  return `${address.purpose} ${address.to.toLowerCase()}`;
}

/** Issues a fresh code for `uid` at `address`, replacing any earlier one, and returns it. */
export function issueOtp(state: EmulatorState, address: OtpAddress, uid: string, lifetimeMs: number = OTP_LIFETIME_MS): string {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  state.otps[keyOf(address)] = { uid, code, expiresAt: emulatorNow(state) + lifetimeMs };
  return code;
}

/** Checks `code` against the live code at `address`; a valid code is spent, an expired one forgotten. */
export function consumeOtp(state: EmulatorState, address: OtpAddress, code: string): OtpCheck {
  const key = keyOf(address);
  const pending = Object.hasOwn(state.otps, key) ? state.otps[key] : undefined;
  if (pending === undefined || pending.code !== code) return { status: 'invalid' };
  delete state.otps[key];
  if (emulatorNow(state) >= pending.expiresAt) return { status: 'expired' };
  return { status: 'valid', uid: pending.uid };
}
