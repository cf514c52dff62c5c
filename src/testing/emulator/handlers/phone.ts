/**
 * Phone numbers as identifiers: the verification OTP texted at registration (to the outbox, channel `sms`),
 * its verification, which signs the user in, its resending, and the availability lookup. The OTP is six digits,
 * single-use and lasts otps.ts's 15 minutes on the emulator's clock; a resend replaces it.
 */
import { findByPhone, findByUid } from '../accounts';
import type { Handler } from '../context';
import { lrError } from '../errors';
import { ok, single } from '../http';
import { consumeOtp, issueOtp } from '../otps';
import { deliver } from '../outbox';
import { field } from '../profile';
import type { EmulatorState } from '../state';
import { signInAnswer } from './login';
import { accessTokenOf } from './tokens';

/** What the phone verification OTP is for (its outbox `purpose` and its key in the OTP store). */
const PURPOSE = 'phone-verification';

/** Issues a verification OTP for the login phone number `phone` of `uid` and texts it (to the outbox). */
export function sendPhoneVerificationOtp(state: EmulatorState, uid: string, phone: string): void {
  const code = issueOtp(state, { purpose: PURPOSE, to: phone }, uid);
  deliver(state, { channel: 'sms', to: phone, purpose: PURPOSE, token: code });
}

/**
 * `PUT /identity/v2/auth/phone/otp` without an access token (`phoneVerificationByOtp`): a valid OTP marks the
 * number verified and signs the user in; a wrong one (or an unknown number) is 1067, an expired one 1069, and
 * either way the code is spent. With an access token (confirming a number change) it answers the example.
 */
export const verifyPhoneOtp: Handler = (context) => {
  const { state, app, request } = context;
  const phone = field(request.body, 'phone');
  const otp = single(request.query.otp);
  if (accessTokenOf(context) !== undefined || typeof phone !== 'string' || otp === undefined) return undefined;
  const phoneId = findByPhone(state, phone)?.profile.PhoneId as string | undefined;
  const check = phoneId === undefined ? { status: 'invalid' as const } : consumeOtp(state, { purpose: PURPOSE, to: phoneId }, otp);
  if (check.status !== 'valid') return lrError(check.status === 'expired' ? 1069 : 1067);
  const account = findByUid(state, check.uid);
  if (account === undefined) return lrError(1067);
  account.profile.PhoneIdVerified = true;
  return signInAnswer(state, app, account);
};

/**
 * `POST /identity/v2/auth/phone/otp` without an access token (`phoneResendVerificationOtp`): texts a new code,
 * which replaces the previous one. An unknown number is 938, a verified one 1073. With an access token (a
 * number change in progress) it answers the example.
 */
export const resendPhoneVerificationOtp: Handler = (context) => {
  const { state, request } = context;
  const phone = field(request.body, 'phone');
  if (accessTokenOf(context) !== undefined || typeof phone !== 'string') return undefined;
  const account = findByPhone(state, phone);
  if (account === undefined) return lrError(938);
  if (account.profile.PhoneIdVerified === true) return lrError(1073);
  sendPhoneVerificationOtp(state, account.profile.Uid as string, account.profile.PhoneId as string);
  return ok({ IsPosted: true });
};

/** `GET /identity/v2/auth/phone?phone=`: whether an account signs in with the number. */
export const checkPhoneNumberAvailability: Handler = ({ state, request }) => {
  const phone = single(request.query.phone);
  return phone === undefined ? undefined : ok({ IsExist: findByPhone(state, phone) !== undefined });
};
