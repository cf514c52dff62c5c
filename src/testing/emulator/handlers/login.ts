/** Login by password, with an email address, a username or a phone number. */
import { type Identifier, findByIdentifier } from '../accounts';
import type { EmulatedApp, Handler } from '../context';
import { lrError } from '../errors';
import { type EmulatedResponse, ok } from '../http';
import { passwordMatches } from '../passwords';
import { field } from '../profile';
import { issueToken } from '../sessions';
import type { EmulatedAccount, EmulatorState } from '../state';

/**
 * `POST /identity/v2/auth/login` with `email`, `username` or `phone`, and `password`: a wrong password or
 * unknown identifier is 966, then a blocked account 991, then an unverified identifier, as LoginRadius checks
 * them: 1066 when the phone number is not verified, 970 when the email address is not (a username signs in
 * on the strength of the account's email, so an unverified one is 970 there too).
 */
export const loginByPassword: Handler = ({ state, app, request }) => {
  const checked = checkPasswordLogin(state, request.body);
  if (checked === undefined) return undefined;
  return 'refused' in checked ? checked.refused : signInAnswer(state, app, checked.account);
};

/**
 * The account a password login body signs in to, or LoginRadius's refusal in its order of checks; undefined
 * when the body names no identifier or no password. Shared by the plain and the MFA login.
 */
export function checkPasswordLogin(
  state: EmulatorState,
  body: unknown,
): { readonly account: EmulatedAccount } | { readonly refused: EmulatedResponse } | undefined {
  const signIn = signInIdentifier(body);
  const password = field(body, 'password');
  if (signIn === undefined || typeof password !== 'string') return undefined;
  const account = findByIdentifier(state, signIn.identifier, signIn.value);
  if (account === undefined || !passwordMatches(account.passwordHash, password)) return { refused: lrError(966) };
  if (account.profile.IsActive === false) return { refused: lrError(991) };
  if (signIn.identifier === 'phone' ? account.profile.PhoneIdVerified !== true : account.profile.EmailVerified !== true) {
    return { refused: lrError(signIn.identifier === 'phone' ? 1066 : 970) };
  }
  return { account };
}

/** Which identifier a login body names (`email`, `username` or `phone`, in any letter case). */
function signInIdentifier(body: unknown): { readonly identifier: Identifier; readonly value: string } | undefined {
  for (const [name, identifier] of [
    ['email', 'email'],
    ['username', 'userName'],
    ['phone', 'phone'],
  ] as const) {
    const value = field(body, name);
    if (typeof value === 'string') return { identifier, value };
  }
  return undefined;
}

/** Signs `account` in: counts the login and answers LoginRadius's session (`Profile` and the tokens). */
export function signInAnswer(state: EmulatorState, app: EmulatedApp, account: EmulatedAccount): EmulatedResponse {
  account.profile.NoOfLogins = ((account.profile.NoOfLogins as number | undefined) ?? 0) + 1;
  const token = issueToken(state, account.profile.Uid as string, app.tokenLifetimeMs);
  return ok({ Profile: account.profile, ...token });
}
