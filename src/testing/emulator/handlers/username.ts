/** Usernames as identifiers: the availability lookup and the signed-in user's change of username. */
import { findByUid, findByUserName, updateAccount } from '../accounts';
import type { Handler } from '../context';
import { identifierTaken, lrError } from '../errors';
import { ok, single } from '../http';
import { field } from '../profile';
import { withSession } from './tokens';

/** `GET /identity/v2/auth/username?username=`: whether an account uses the username (case-insensitive). */
export const checkUserNameAvailability: Handler = ({ state, request }) => {
  const userName = single(request.query.username);
  return userName === undefined ? undefined : ok({ IsExist: findByUserName(state, userName) !== undefined });
};

/** `PUT /identity/v2/auth/username`: another account's username is 1017. */
export const setOrChangeUserName: Handler = (context) =>
  withSession(context, (session) => {
    const account = findByUid(context.state, session.uid);
    if (account === undefined) return lrError(938);
    const taken = updateAccount(context.state, account, { UserName: String(field(context.request.body, 'username')) });
    return taken === undefined ? ok({ IsPosted: true }) : identifierTaken(taken);
  });
