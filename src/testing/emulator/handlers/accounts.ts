/**
 * Account management with the API secret: create, read by uid, email, phone or username, update (including
 * blocking and the login phone number), set password, delete.
 */
import {
  createAccount,
  deleteAccount,
  findByEmail,
  findByPhone,
  findByUid,
  findByUserName,
  takenIdentifier,
  updateAccount,
} from '../accounts';
import type { Handler, HandlerContext } from '../context';
import { identifierTaken, lrError } from '../errors';
import { type EmulatedResponse, ok, single } from '../http';
import { hashPassword } from '../passwords';
import { field, primaryEmail, profileFields } from '../profile';
import type { EmulatedAccount } from '../state';

/**
 * `POST /identity/v2/manage/account`: the account is created as sent (`EmailVerified`, `PhoneIdVerified`
 * included), no email or SMS is sent. It needs an email, a phone number or a username to sign in with; one
 * another account uses is 936, 1058 or 1017.
 */
export const createAccountHandler: Handler = ({ state, request }) => {
  const password = field(request.body, 'password');
  const fields = profileFields(request.body);
  if (primaryEmail(fields) === undefined && fields.PhoneId === undefined && fields.UserName === undefined) return undefined;
  const account = createAccount(state, { fields, password: typeof password === 'string' ? password : undefined });
  return account === undefined ? identifierTaken(takenIdentifier(state, fields)!) : ok(account.profile);
};

/** `GET /identity/v2/manage/account/{uid}`. */
export const getAccountByUid: Handler = (context) => withAccount(context, (account) => ok(account.profile));

/** `GET /identity/v2/manage/account?email=` (or `phone=`, or `userName=`); the `q` search answers the example. */
export const getAccountByIdentifier: Handler = ({ state, request }) => {
  const email = single(request.query.email);
  const phone = single(request.query.phone);
  const userName = single(request.query.userName);
  let account: EmulatedAccount | undefined;
  if (email !== undefined) account = findByEmail(state, email);
  else if (phone !== undefined) account = findByPhone(state, phone);
  else if (userName !== undefined) account = findByUserName(state, userName);
  else return undefined;
  return account === undefined ? lrError(938) : ok(account.profile);
};

/**
 * `PUT /identity/v2/manage/account/{uid}`: `IsActive: false` blocks the account, `true` unblocks it; an email,
 * phone number or username another account uses is 936, 1058 or 1017, and nothing changes.
 */
export const updateAccountByUid: Handler = (context) =>
  withAccount(context, (account) => {
    const taken = updateAccount(context.state, account, context.request.body);
    if (taken !== undefined) return identifierTaken(taken);
    const password = field(context.request.body, 'password');
    if (typeof password === 'string') account.passwordHash = hashPassword(password);
    return ok(account.profile);
  });

/**
 * `PUT /identity/v2/manage/account/{uid}/phoneid`: replaces the number of a verified or unverified account,
 * bypassing the OTP verification (no SMS; the number counts as verified); another account's number is 1058.
 */
export const updatePhoneIdByUid: Handler = (context) =>
  withAccount(context, (account) => {
    const phone = String(field(context.request.body, 'phone'));
    const taken = updateAccount(context.state, account, { PhoneId: phone, PhoneIdVerified: true });
    return taken === undefined ? ok(account.profile) : identifierTaken(taken);
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
