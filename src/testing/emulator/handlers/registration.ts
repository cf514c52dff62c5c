/** Registration by email or phone with a SOTT, and the verification of the address through the emailed token. */
import { randomUUID } from 'node:crypto';
import { createAccount, findByEmail, findByUid, takenIdentifier } from '../accounts';
import { emulatorNow } from '../clock';
import type { Handler } from '../context';
import { identifierTaken, lrError } from '../errors';
import { ok, single } from '../http';
import { deliver } from '../outbox';
import { emailList, field, profileFields } from '../profile';
import { sottProblem } from '../sott-check';
import type { EmulatorState } from '../state';
import { sendPhoneVerificationOtp } from './phone';

/**
 * `POST /identity/v2/auth/register` with a SOTT: an email registration gets a verification email, a phone
 * registration (`phoneId`) a verification OTP by SMS (and the email too when it also carries an address).
 * A registration cannot verify itself: `EmailVerified` and `PhoneIdVerified` start false whatever it sends.
 */
export const register: Handler = ({ state, app, request }) => {
  const emails = emailList(field(request.body, 'email'));
  const phone = field(request.body, 'phoneId');
  const password = field(request.body, 'password');
  if (emails.length === 0 && typeof phone !== 'string') return undefined;
  const sott = single(request.headers['x-loginradius-sott']) ?? single(request.query.sott);
  if (sott === undefined || sott === '') return lrError(1048);
  const problem = sottProblem(sott, app.apiKey, app.sottKey, emulatorNow(state));
  if (problem !== undefined) return lrError(1049, `Secured one-time token (SOTT) is invalid: ${problem}`);
  const fields = { ...profileFields(request.body), EmailVerified: false, PhoneIdVerified: false };
  const account = createAccount(state, { fields, password: typeof password === 'string' ? password : undefined });
  if (account === undefined) return identifierTaken(takenIdentifier(state, fields)!);
  const uid = account.profile.Uid as string;
  if (emails.length > 0) sendVerificationEmail(state, uid, emails[0]!.Value);
  if (typeof phone === 'string') sendPhoneVerificationOtp(state, uid, phone);
  return ok({ IsPosted: true });
};

/** Issues a verification token for an address and puts the email carrying it in the outbox. */
function sendVerificationEmail(state: EmulatorState, uid: string, email: string): void {
  const token = randomUUID();
  state.verificationTokens[token] = { uid, email };
  deliver(state, { channel: 'email', to: email, purpose: 'verification', token });
}

/**
 * `GET /identity/v2/auth/email`: with `verificationToken` verifies the address (the token works once); with
 * `email` reports whether an account uses it. Other forms (username, OTP) fall back to the example.
 */
export const emailLookup: Handler = ({ state, request }) => {
  const token = single(request.query.verificationToken);
  if (token !== undefined) {
    const pending = Object.hasOwn(state.verificationTokens, token) ? state.verificationTokens[token] : undefined;
    const account = pending && findByUid(state, pending.uid);
    if (pending === undefined || account === undefined) return lrError(973);
    delete state.verificationTokens[token];
    account.profile.EmailVerified = true;
    return ok({ IsPosted: true });
  }
  const email = single(request.query.email);
  if (email !== undefined && single(request.query.otp) === undefined) return ok({ IsExist: findByEmail(state, email) !== undefined });
  return undefined;
};
