/** Registration by email with a SOTT, and the verification of the address through the emailed token. */
import { randomUUID } from 'node:crypto';
import { createAccount, findByEmail, findByUid } from '../accounts';
import { emulatorNow } from '../clock';
import type { Handler } from '../context';
import { lrError } from '../errors';
import { ok, single } from '../http';
import { deliver } from '../outbox';
import { emailList, field } from '../profile';
import { sottProblem } from '../sott-check';
import type { EmulatorState } from '../state';

/** `POST /identity/v2/auth/register`: email registrations; phone registrations fall back to the example. */
export const register: Handler = ({ state, app, request }) => {
  const emails = emailList(field(request.body, 'email'));
  const password = field(request.body, 'password');
  if (emails.length === 0 || field(request.body, 'phoneId') !== undefined) return undefined;
  const sott = single(request.headers['x-loginradius-sott']) ?? single(request.query.sott);
  if (sott === undefined || sott === '') return lrError(1048);
  const problem = sottProblem(sott, app.apiKey, app.sottKey, emulatorNow(state));
  if (problem !== undefined) return lrError(1049, `Secured one-time token (SOTT) is invalid: ${problem}`);
  const account = createAccount(state, {
    fields: request.body as Record<string, unknown>,
    password: typeof password === 'string' ? password : undefined,
  });
  if (account === undefined) return lrError(936);
  sendVerificationEmail(state, account.profile.Uid as string, emails[0]!.Value);
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
