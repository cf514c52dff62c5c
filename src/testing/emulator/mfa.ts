/**
 * Multi-factor authentication with one-time passcodes: an account's OTP factors (email, SMS), the MFA logins
 * waiting for their second factor, the codes sent for either, and what LoginRadius shows of an account's
 * factors (addresses and numbers masked, as LoginRadius masks them).
 */
import { randomUUID } from 'node:crypto';
import { emulatorNow } from './clock';
import { lrError } from './errors';
import type { EmulatedResponse } from './http';
import { consumeOtp, issueOtp } from './otps';
import { deliver } from './outbox';
import { emailList } from './profile';
import type { EmulatedAccount, EmulatedMfa, EmulatorState, OutboxMessage, PendingMfaLogin } from './state';

/**
 * How long a second-factor authentication token lasts: 30 minutes. LoginRadius does not document it; the
 * emulator keeps it longer than an OTP (15 minutes) so that an expired code (1069) and an expired login
 * (1104) can each happen.
 */
export const MFA_LOGIN_LIFETIME_MS = 30 * 60_000;

/** What an MFA code is for, as the outbox shows it: finishing a login, or setting a factor up while signed in. */
export type MfaPurpose = 'mfa-login' | 'mfa-setup';

/** The account's MFA settings, created (no factor set up) the first time they are needed. */
export function mfaOf(account: EmulatedAccount): EmulatedMfa {
  account.mfa ??= { emailOtp: false };
  return account.mfa;
}

/** Whether a login to this account needs a second factor: it has an OTP factor set up. */
export function hasSecondFactor(account: EmulatedAccount): boolean {
  return account.mfa !== undefined && (account.mfa.emailOtp || account.mfa.phone !== undefined);
}

/** Starts an MFA login for `uid` and returns its second-factor authentication token. */
export function startMfaLogin(state: EmulatorState, uid: string): { readonly token: string; readonly expiresAt: number } {
  const token = randomUUID();
  const expiresAt = emulatorNow(state) + MFA_LOGIN_LIFETIME_MS;
  state.mfaLogins[token] = { uid, expiresAt };
  return { token, expiresAt };
}

/** The pending MFA login of a token, or LoginRadius's refusal: 1103 unknown or finished, 1104 expired. */
export function lookUpMfaLogin(
  state: EmulatorState,
  token: string | undefined,
): { readonly login: PendingMfaLogin } | { readonly refused: EmulatedResponse } {
  const login = token !== undefined && Object.hasOwn(state.mfaLogins, token) ? state.mfaLogins[token] : undefined;
  if (login === undefined) return { refused: lrError(1103) };
  if (emulatorNow(state) >= login.expiresAt) return { refused: lrError(1104) };
  return { login };
}

/** LoginRadius's receipt for an SMS it sent (`SmsResponse`); the emulator has no SMS provider account. */
export interface SmsReceipt {
  readonly AccountSid: null;
  readonly Sid: string;
}

/** Issues an MFA code for `uid` and puts the message carrying it in the outbox; an SMS answers with its receipt. */
export function sendMfaOtp(
  state: EmulatorState,
  uid: string,
  message: Pick<OutboxMessage, 'channel' | 'to'> & { readonly purpose: MfaPurpose },
): SmsReceipt {
  const code = issueOtp(state, message, uid);
  deliver(state, { ...message, token: code });
  return { AccountSid: null, Sid: randomUUID() };
}

/**
 * Spends the MFA code sent to `to` for `uid`; undefined when it is right, else the refusal: 1067 for a wrong
 * code (or one sent to another account), 1069 for an expired one.
 */
export function otpRefusal(
  state: EmulatorState,
  uid: string,
  sent: { readonly purpose: MfaPurpose; readonly to: string | undefined },
  code: unknown,
): EmulatedResponse | undefined {
  if (sent.to === undefined || typeof code !== 'string') return lrError(1067);
  const check = consumeOtp(state, { purpose: sent.purpose, to: sent.to }, code);
  if (check.status === 'expired') return lrError(1069);
  return check.status === 'valid' && check.uid === uid ? undefined : lrError(1067);
}

/** The account's email addresses. */
function emailsOf(account: EmulatedAccount): string[] {
  return emailList(account.profile.Email).map((email) => email.Value);
}

/** Whether `address` is one of the account's emails (case-insensitive). */
export function ownsEmail(account: EmulatedAccount, address: unknown): address is string {
  return typeof address === 'string' && emailsOf(account).some((email) => email.toLowerCase() === address.toLowerCase());
}

/**
 * The factor fields LoginRadius shows both in a login's `SecondFactorAuthentication` and in the MFA settings:
 * which OTP factors are set up, the masked MFA number and addresses. Authenticator apps, security questions
 * and the other factors are not emulated, so they never show as set up.
 */
export function factorSummary(account: EmulatedAccount): Record<string, unknown> {
  const { emailOtp, phone } = mfaOf(account);
  return {
    QRCode: null,
    ManualEntryCode: null,
    IsGoogleAuthenticatorVerified: false,
    IsAuthenticatorVerified: false,
    IsOTPAuthenticatorVerified: phone !== undefined,
    OTPPhoneNo: phone === undefined ? null : maskPhone(phone),
    OTPStatus: null,
    IsEmailOtpAuthenticatorVerified: emailOtp,
    Email: emailsOf(account).map(maskEmail),
    EmailOTPStatus: null,
    SecurityQuestions: [],
  };
}

/** `+14155550123` → `+1415*****23`: the country and area code and the last two digits stay readable. */
export function maskPhone(phone: string): string {
  return phone.length <= 7 ? phone : `${phone.slice(0, 5)}${'*'.repeat(phone.length - 7)}${phone.slice(-2)}`;
}

/** `jane.doe@example.com` → `j******e@e*****e.com`: first and last letter of the name and of the domain. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  const dot = address.lastIndexOf('.');
  if (at < 0 || dot < at) return maskPart(address);
  return `${maskPart(address.slice(0, at))}@${maskPart(address.slice(at + 1, dot))}${address.slice(dot)}`;
}

function maskPart(part: string): string {
  return part.length <= 2 ? part : `${part[0]}${'*'.repeat(part.length - 2)}${part.at(-1)}`;
}
