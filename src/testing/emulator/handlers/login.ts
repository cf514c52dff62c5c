/** Login by email and password. */
import { findByEmail } from '../accounts';
import type { Handler } from '../context';
import { lrError } from '../errors';
import { ok } from '../http';
import { passwordMatches } from '../passwords';
import { field } from '../profile';
import { issueToken } from '../sessions';

/**
 * `POST /identity/v2/auth/login` with `email` and `password`: a wrong password or unknown address is 966,
 * then a blocked account 991 and an unverified address 970, as LoginRadius checks them. Username and phone
 * logins fall back to the example.
 */
export const loginByEmail: Handler = ({ state, app, request }) => {
  const email = field(request.body, 'email');
  const password = field(request.body, 'password');
  if (typeof email !== 'string' || typeof password !== 'string') return undefined;
  const account = findByEmail(state, email);
  if (account === undefined || !passwordMatches(account.passwordHash, password)) return lrError(966);
  if (account.profile.IsActive === false) return lrError(991);
  if (account.profile.EmailVerified !== true) return lrError(970);
  account.profile.NoOfLogins = ((account.profile.NoOfLogins as number | undefined) ?? 0) + 1;
  const token = issueToken(state, account.profile.Uid as string, app.tokenLifetimeMs);
  return ok({ Profile: account.profile, ...token });
};
