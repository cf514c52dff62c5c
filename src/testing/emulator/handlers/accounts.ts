/** Account management with the API secret: create, read by uid or email, update (including blocking), set password, delete. */
import { createAccount, deleteAccount, findByEmail, findByUid, updateAccount } from '../accounts';
import type { Handler, HandlerContext } from '../context';
import { lrError } from '../errors';
import { type EmulatedResponse, ok, single } from '../http';
import { hashPassword } from '../passwords';
import { field, primaryEmail, profileFields } from '../profile';
import type { EmulatedAccount } from '../state';

/** `POST /identity/v2/manage/account`: the account is created as sent (`EmailVerified` included), no email is sent. */
export const createAccountHandler: Handler = ({ state, request }) => {
  const password = field(request.body, 'password');
  const fields = profileFields(request.body);
  if (primaryEmail(fields) === undefined) return undefined;
  const account = createAccount(state, { fields, password: typeof password === 'string' ? password : undefined });
  return account === undefined ? lrError(936) : ok(account.profile);
};

/** `GET /identity/v2/manage/account/{uid}`. */
export const getAccountByUid: Handler = (context) => withAccount(context, (account) => ok(account.profile));

/** `GET /identity/v2/manage/account?email=`: other lookups (phone, username) fall back to the example. */
export const getAccountByEmail: Handler = (context) => {
  const email = single(context.request.query.email);
  if (email === undefined) return undefined;
  const account = findByEmail(context.state, email);
  return account === undefined ? lrError(938) : ok(account.profile);
};

/** `PUT /identity/v2/manage/account/{uid}`: `IsActive: false` blocks the account, `true` unblocks it. */
export const updateAccountByUid: Handler = (context) =>
  withAccount(context, (account) => {
    updateAccount(context.state, account, context.request.body);
    const password = field(context.request.body, 'password');
    if (typeof password === 'string') account.passwordHash = hashPassword(password);
    return ok(account.profile);
  });

/** `PUT /identity/v2/manage/account/{uid}/password`. */
export const setPassword: Handler = (context) =>
  withAccount(context, (account) => {
    account.passwordHash = hashPassword(String(field(context.request.body, 'password')));
    return ok({ PasswordHash: account.passwordHash });
  });

/** `DELETE /identity/v2/manage/account/{uid}`. */
export const deleteAccountByUid: Handler = (context) =>
  withAccount(context, (account) => {
    deleteAccount(context.state, account);
    return ok({ IsDeleted: true, RecordsDeleted: 1 });
  });

/** `DELETE /identity/v2/manage/account?email=`. */
export const deleteAccountByEmail: Handler = (context) => {
  const email = single(context.request.query.email);
  const account = email === undefined ? undefined : findByEmail(context.state, email);
  if (account === undefined) return lrError(938);
  deleteAccount(context.state, account);
  return ok({ IsDeleted: true, RecordsDeleted: 1 });
};

/** Runs `then` with the account of the path's `uid`, or answers 938 (user does not exist). */
export function withAccount(context: HandlerContext, then: (account: EmulatedAccount) => EmulatedResponse): EmulatedResponse {
  const account = findByUid(context.state, context.params.uid ?? '');
  return account === undefined ? lrError(938) : then(account);
}
