/** Login by email and password. */
import { findByEmail } from '../accounts';
import type { EmulatedApp, Handler } from '../context';
import { lrError } from '../errors';
import { type EmulatedResponse, ok } from '../http';
import { passwordMatches } from '../passwords';
import { field } from '../profile';
import { issueToken } from '../sessions';
import type { EmulatedAccount, EmulatorState } from '../state';

/**
 * `POST /identity/v2/auth/login` with `email` and `password`: a wrong password or unknown address is 966,
 * then a blocked account 991 and an unverified address 970, as LoginRadius checks them. Username and phone
 * logins fall back to the example.
 */
export const loginByEmail: Handler = ({ state, app, request }) => {
  const checked = checkEmailLogin(state, request.body);
  if (checked === undefined) return undefined;
  return 'refused' in checked ? checked.refused : signIn(state, app, checked.account);
};

/**
 * The account an email-and-password body signs in to, or LoginRadius's refusal in its order of checks;
 * undefined when the body is not an email login (username, phone). Shared by the plain and the MFA login.
 */
export function checkEmailLogin(
  state: EmulatorState,
  body: unknown,
): { readonly account: EmulatedAccount } | { readonly refused: EmulatedResponse } | undefined {
  const email = field(body, 'email');
  const password = field(body, 'password');
  if (typeof email !== 'string' || typeof password !== 'string') return undefined;
  const account = findByEmail(state, email);
  if (account === undefined || !passwordMatches(account.passwordHash, password)) return { refused: lrError(966) };
  if (account.profile.IsActive === false) return { refused: lrError(991) };
  if (account.profile.EmailVerified !== true) return { refused: lrError(970) };
  return { account };
}

/** Counts the login and starts a session: LoginRadius's `{ Profile, access_token, refresh_token, expires_in }`. */
export function signIn(state: EmulatorState, app: EmulatedApp, account: EmulatedAccount): EmulatedResponse {
  account.profile.NoOfLogins = ((account.profile.NoOfLogins as number | undefined) ?? 0) + 1;
  const token = issueToken(state, account.profile.Uid as string, app.tokenLifetimeMs);
  return ok({ Profile: account.profile, ...token });
}
