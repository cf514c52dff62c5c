/**
 * Switching MFA on and off: the signed-in user sets up SMS OTP (a number, confirmed with the code texted to it)
 * or email OTP (an address, confirmed with the code emailed to it), reads the settings, and removes a factor;
 * with the API secret, a factor is removed by uid. The next MFA login shows the change: with no factor left it
 * answers a session again. Older and newer paths of the same call share a handler.
 */
import { findByUid } from '../accounts';
import type { Handler, HandlerContext } from '../context';
import { lrError } from '../errors';
import { type EmulatedResponse, ok, single } from '../http';
import { factorSummary, mfaOf, otpRefusal, ownsEmail, sendMfaOtp } from '../mfa';
import { field, primaryEmail } from '../profile';
import type { EmulatedAccount } from '../state';
import { withSession } from './tokens';

type AccountHandler = (account: EmulatedAccount, context: HandlerContext) => EmulatedResponse;

/** The signed-in user's account (905 / 906 for the access token, as everywhere). */
function bySession(then: AccountHandler): Handler {
  return (context) =>
    withSession(context, (session) => {
      const account = findByUid(context.state, session.uid);
      return account === undefined ? lrError(938) : then(account, context);
    });
}

/** The account of the `uid` query parameter (938 when there is none). */
function byUid(then: AccountHandler): Handler {
  return (context) => {
    const account = findByUid(context.state, single(context.request.query.uid) ?? '');
    return account === undefined ? lrError(938) : then(account, context);
  };
}

/** `mfaConfigureByAccessToken`: the account's factors. No code is sent: the emulator has no authenticator app to set up. */
export const mfaSettings: Handler = bySession((account) => ok({ ...factorSummary(account), IsSecurityQuestionEnabled: false }));

/** `mfaUpdatePhoneNumberInSettingsByAccessToken` and `mfaUpdatePhoneNumberByAccessToken`: texts a code to the new number. */
export const setMfaPhone: Handler = bySession((account, { state, request }) => {
  const phone = String(field(request.body, 'phoneNo2FA'));
  mfaOf(account).pendingPhone = phone;
  return ok(sendMfaOtp(state, account.profile.Uid as string, { channel: 'sms', to: phone, purpose: 'mfa-setup' }));
});

/** `mfaUpdateSetting` and `mfaVerifyPhoneNumberByAccessToken`: the texted code makes the number the MFA phone. */
export const confirmMfaPhone: Handler = bySession((account, { state, request }) => {
  const mfa = mfaOf(account);
  const refused = otpRefusal(
    state,
    account.profile.Uid as string,
    { purpose: 'mfa-setup', to: mfa.pendingPhone },
    field(request.body, 'otp'),
  );
  if (refused) return refused;
  mfa.phone = mfa.pendingPhone;
  delete mfa.pendingPhone;
  return ok(account.profile);
});

/**
 * `mfaEmailOtpByAccessToken` and `mfaSendEmailOtpByAccessToken`: emails a code to `emailId`, one of the
 * account's addresses (938 otherwise); the newer call defaults to the primary address.
 */
export const sendSetupEmailOtp: Handler = bySession((account, { state, request }) => {
  const address = single(request.query.emailId) ?? primaryEmail(account.profile);
  if (!ownsEmail(account, address)) return lrError(938);
  sendMfaOtp(state, account.profile.Uid as string, { channel: 'email', to: address, purpose: 'mfa-setup' });
  return ok({ IsPosted: true });
});

/** `mfaValidateEmailOtpByAccessToken` and `mfaVerifyEmailOtpByAccessToken`: the emailed code turns email OTP on. */
export const confirmEmailOtp: Handler = bySession((account, { state, request }) => {
  const address = field(request.body, 'emailId');
  const to = typeof address === 'string' ? address : undefined;
  const refused = otpRefusal(state, account.profile.Uid as string, { purpose: 'mfa-setup', to }, field(request.body, 'otp'));
  if (refused) return refused;
  mfaOf(account).emailOtp = true;
  return ok(account.profile);
});

/** Turns email OTP off; 1121 when it is not on. */
const removeEmailOtp: AccountHandler = (account) => {
  const mfa = mfaOf(account);
  if (!mfa.emailOtp) return lrError(1121);
  mfa.emailOtp = false;
  return ok({ IsDeleted: true });
};

/** Turns SMS OTP off and forgets the number; 1121 when it is not on. */
const removeSmsOtp: AccountHandler = (account) => {
  const mfa = mfaOf(account);
  if (mfa.phone === undefined) return lrError(1121);
  delete mfa.phone;
  return ok({ IsDeleted: true });
};

/**
 * The `{ otpauthenticator: true }` variant of the older reset calls removes SMS OTP; the authenticator-app
 * variant is not emulated (the example answers).
 */
function smsOtpVariant(handler: Handler): Handler {
  return (context) => (field(context.request.body, 'otpauthenticator') === true ? handler(context) : undefined);
}

/** `mfaResetEmailOtpAuthenticatorByAccessToken` and `mfaResetEmailOtpByAccessToken`. */
export const resetEmailOtpBySession: Handler = bySession(removeEmailOtp);
/** `mfaResetSmsAuthByAccessToken`. */
export const resetSmsOtpBySession: Handler = bySession(removeSmsOtp);
/** `mfaResetByAccessToken` with `{ otpauthenticator: true }`. */
export const resetSmsAuthenticatorBySession: Handler = smsOtpVariant(resetSmsOtpBySession);
/** `mfaResetEmailOtpAuthenticatorByUid` and `mfaResetEmailOtpByUid`. */
export const resetEmailOtpByUid: Handler = byUid(removeEmailOtp);
/** `mfaResetSmsAuthByUid`. */
export const resetSmsOtpByUid: Handler = byUid(removeSmsOtp);
/** `mfaResetByUid` with `{ otpauthenticator: true }`. */
export const resetSmsAuthenticatorByUid: Handler = smsOtpVariant(resetSmsOtpByUid);
