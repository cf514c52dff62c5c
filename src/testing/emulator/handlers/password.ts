/** Changing the signed-in user's password. (Forgot/reset password: not modelled yet, they answer the example.) */
import { findByUid } from '../accounts';
import type { Handler } from '../context';
import { lrError } from '../errors';
import { ok } from '../http';
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
