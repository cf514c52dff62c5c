/**
 * The MFA login: a password login first (email, username or phone); an account with an OTP factor set up then gets a second-factor
 * challenge (a `SecondFactorAuthenticationToken`, with a code sent to each of its OTP factors) instead of a
 * session, and finishes with the emailed or texted code. Both the older paths (`/login/2fa/verification/…`)
 * and the newer ones (`/login/2fa/sms`, `/login/2fa/email`) are served by the same handlers.
 */
import { findByUid } from '../accounts';
import type { Handler, HandlerContext } from '../context';
import { lrError } from '../errors';
import { type EmulatedResponse, ok, single } from '../http';
import { factorSummary, hasSecondFactor, lookUpMfaLogin, maskEmail, mfaOf, otpRefusal, ownsEmail, sendMfaOtp, startMfaLogin } from '../mfa';
import { field, primaryEmail } from '../profile';
import type { EmulatedAccount, PendingMfaLogin } from '../state';
import { checkPasswordLogin, signInAnswer } from './login';

/**
 * `mfaLogin` with `password` and `email`, `username` or `phone` (the checks and codes of the plain login): a
 * session when the account has no second factor, else the challenge, with an SMS OTP sent to the MFA phone
 * and an email OTP to the primary address for each factor set up.
 */
export const mfaLoginByPassword: Handler = ({ state, app, request }) => {
  const checked = checkPasswordLogin(state, request.body);
  if (checked === undefined || 'refused' in checked) return checked?.refused;
  const { account } = checked;
  if (!hasSecondFactor(account)) {
    const session = signInAnswer(state, app, account);
    return { ...session, body: { SecondFactorAuthentication: null, ...(session.body as object) } };
  }
  const uid = account.profile.Uid as string;
  const { token, expiresAt } = startMfaLogin(state, uid);
  const { phone, emailOtp } = mfaOf(account);
  const primary = primaryEmail(account.profile);
  const smsStatus = phone === undefined ? null : sendMfaOtp(state, uid, { channel: 'sms', to: phone, purpose: 'mfa-login' });
  const emailed = emailOtp && primary !== undefined;
  if (emailed) sendMfaOtp(state, uid, { channel: 'email', to: primary, purpose: 'mfa-login' });
  return ok({
    SecondFactorAuthentication: {
      SecondFactorAuthenticationToken: token,
      ExpireIn: new Date(expiresAt).toISOString(),
      ...factorSummary(account),
      OTPStatus: smsStatus,
      EmailOTPStatus: emailed ? { Email: maskEmail(primary) } : null,
      IsSecurityQuestionAuthenticatorVerified: false,
    },
    Profile: null,
    access_token: '00000000-0000-0000-0000-000000000000',
    expires_in: '0001-01-01T00:00:00',
  });
};

/** `mfaEmailOtp` (body `EmailId`) and `mfaSendEmailOtpByMfaToken` (body `email`): a code to one of the account's addresses (938 otherwise). */
export const sendLoginEmailOtp: Handler = (context) =>
  withMfaLogin(context, (account) => {
    const address = field(context.request.body, 'emailId') ?? field(context.request.body, 'email');
    if (!ownsEmail(account, address)) return lrError(938);
    sendMfaOtp(context.state, account.profile.Uid as string, { channel: 'email', to: address, purpose: 'mfa-login' });
    return ok({ IsPosted: true });
  });

/** `mfaValidateEmailOtp` and `mfaVerifyEmailOtpByMfaToken`: the emailed code finishes the login and sets email OTP up. */
export const finishWithEmailOtp: Handler = (context) =>
  withMfaLogin(context, (account, _login, token) => {
    const { body } = context.request;
    const refused = otpRefusal(
      context.state,
      account.profile.Uid as string,
      { purpose: 'mfa-login', to: stringField(body, 'emailId') },
      field(body, 'otp'),
    );
    if (refused) return refused;
    mfaOf(account).emailOtp = true;
    return finish(context, account, token);
  });

/** `mfaResendOtp` and `mfaResendSmsOtpByMfaToken`: a new SMS code to the login's number (1101 when there is none). */
export const resendLoginSmsOtp: Handler = (context) =>
  withMfaLogin(context, (account, login) => {
    const phone = login.phone ?? mfaOf(account).phone;
    if (phone === undefined) return lrError(1101);
    return ok(sendMfaOtp(context.state, account.profile.Uid as string, { channel: 'sms', to: phone, purpose: 'mfa-login' }));
  });

/** `mfaUpdatePhoneNumber` and `mfaUpdatePhoneNumberByMfaToken`: the number for this login, texted a code. */
export const setLoginPhone: Handler = (context) =>
  withMfaLogin(context, (account, login) => {
    const phone = String(field(context.request.body, 'phoneNo2FA'));
    login.phone = phone;
    return ok(sendMfaOtp(context.state, account.profile.Uid as string, { channel: 'sms', to: phone, purpose: 'mfa-login' }));
  });

/** `mfaValidateOtpByPhone` and `mfaVerifySmsOtpByMfaToken`: the texted code finishes the login; its number becomes the MFA phone. */
export const finishWithSmsOtp: Handler = (context) =>
  withMfaLogin(context, (account, login, token) => {
    const phone = login.phone ?? mfaOf(account).phone;
    if (phone === undefined) return lrError(1101);
    const refused = otpRefusal(
      context.state,
      account.profile.Uid as string,
      { purpose: 'mfa-login', to: phone },
      field(context.request.body, 'otp'),
    );
    if (refused) return refused;
    mfaOf(account).phone = phone;
    return finish(context, account, token);
  });

/** Runs `then` with the pending login of the request's `secondFactorAuthenticationToken`, or answers 1103 / 1104. */
function withMfaLogin(
  context: HandlerContext,
  then: (account: EmulatedAccount, login: PendingMfaLogin, token: string) => EmulatedResponse,
): EmulatedResponse {
  const token = single(context.request.query.secondFactorAuthenticationToken);
  const found = lookUpMfaLogin(context.state, token);
  if ('refused' in found) return found.refused;
  const account = findByUid(context.state, found.login.uid);
  return account === undefined ? lrError(1103) : then(account, found.login, token!);
}

/** The second factor is done: the token is spent and the user signed in. */
function finish(context: HandlerContext, account: EmulatedAccount, token: string): EmulatedResponse {
  delete context.state.mfaLogins[token];
  return signInAnswer(context.state, context.app, account);
}

function stringField(body: unknown, name: string): string | undefined {
  const value = field(body, name);
  return typeof value === 'string' ? value : undefined;
}
