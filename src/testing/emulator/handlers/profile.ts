/** The signed-in user's own profile, read and updated with the access token. */
import { findByUid, updateAccount } from '../accounts';
import type { Handler } from '../context';
import { identifierTaken, lrError } from '../errors';
import { ok } from '../http';
import { withSession } from './tokens';

/** `GET /identity/v2/auth/account`. */
export const getProfile: Handler = (context) =>
  withSession(context, (session) => {
    const account = findByUid(context.state, session.uid);
    return account === undefined ? lrError(938) : ok(account.profile);
  });

/**
 * `PUT /identity/v2/auth/account`: changes the fields sent; the password cannot be changed here. An email,
 * username or phone number another account uses is 936, 1017 or 1058, and nothing changes.
 */
export const updateProfile: Handler = (context) =>
  withSession(context, (session) => {
    const account = findByUid(context.state, session.uid);
    if (account === undefined) return lrError(938);
    const taken = updateAccount(context.state, account, context.request.body);
    if (taken !== undefined) return identifierTaken(taken);
    return ok({ IsPosted: true, Data: account.profile });
  });
