/** Passwords: changing the signed-in user's, and forgot password → reset token in the outbox → reset. */
import { randomUUID } from 'node:crypto';
import { findByEmail, findByUid } from '../accounts';
import type { Handler } from '../context';
import { lrError } from '../errors';
import { ok } from '../http';
import { deliver } from '../outbox';
import { hashPassword, passwordMatches } from '../passwords';
import { field } from '../profile';
import { withSession } from './tokens';

/** `PUT /identity/v2/auth/password/change`: the current password must match (else 967, a 401). */
export const changePassword: Handler = (context) =>
  withSession(context, (session) => {
    const account = findByUid(context.state, session.uid);
    if (account === undefined) return lrError(938);
    const oldPassword = field(context.request.body, 'oldPassword');
    if (typeof oldPassword !== 'string' || !passwordMatches(account.passwordHash, oldPassword)) return lrError(967);
    account.passwordHash = hashPassword(String(field(context.request.body, 'newPassword')));
    return ok({ IsPosted: true });
  });

/** `POST /identity/v2/auth/password`: emails a reset token (to the outbox); an unknown address is 938. Username: the example. */
export const forgotPassword: Handler = ({ state, request }) => {
  const email = field(request.body, 'email');
  if (typeof email !== 'string') return undefined;
  const account = findByEmail(state, email);
  if (account === undefined) return lrError(938);
  const token = randomUUID();
  state.resetTokens[token] = { uid: account.profile.Uid as string };
  deliver(state, { channel: 'email', to: email, purpose: 'reset-password', token });
  return ok({ IsPosted: true });
};

/**
 * `resetPassword` (`PUT …/password/reset`) and `resetPasswordWithResetToken` (`PUT …/password`) with a reset
 * token: it works once; an unknown or used token is 1063, as LoginRadius documents for this call. The OTP and
 * security-answer variants answer the example.
 */
export const resetPasswordByResetToken: Handler = ({ state, request }) => {
  const token = field(request.body, 'resetToken');
  if (typeof token !== 'string') return undefined;
  const pending = Object.hasOwn(state.resetTokens, token) ? state.resetTokens[token] : undefined;
  const account = pending && findByUid(state, pending.uid);
  if (account === undefined) return lrError(1063);
  delete state.resetTokens[token];
  account.passwordHash = hashPassword(String(field(request.body, 'password')));
  return ok({ IsPosted: true });
};
