/** Access tokens: issued at login, valid until their lifetime runs out on the emulator's clock or they are invalidated. */
import { randomUUID } from 'node:crypto';
import { emulatorNow } from './clock';
import type { EmulatedSession, EmulatorState } from './state';

/** The access token the emulator answers with, in LoginRadius's shape. */
export interface IssuedToken {
  readonly access_token: string;
  readonly refresh_token: string;
  readonly expires_in: string;
}

/** Starts a session for `uid` lasting `lifetimeMs`. */
export function issueToken(state: EmulatorState, uid: string, lifetimeMs: number): IssuedToken {
  const accessToken = randomUUID();
  const session: EmulatedSession = { uid, refreshToken: randomUUID(), expiresAt: emulatorNow(state) + lifetimeMs };
  state.sessions[accessToken] = session;
  return tokenAnswer(accessToken, session);
}

/** The session of an access token: its state `valid`, `expired` or `invalid` (unknown or invalidated). */
export function lookUpToken(
  state: EmulatorState,
  accessToken: string | undefined,
): { readonly status: 'valid'; readonly session: EmulatedSession } | { readonly status: 'expired' | 'invalid' } {
  const session = accessToken !== undefined && Object.hasOwn(state.sessions, accessToken) ? state.sessions[accessToken] : undefined;
  if (session === undefined) return { status: 'invalid' };
  if (emulatorNow(state) >= session.expiresAt) return { status: 'expired' };
  return { status: 'valid', session };
}

/**
 * A new access token for the session that `refreshToken` was issued with, lasting `lifetimeMs`, or undefined
 * for an unknown refresh token. The refresh token stays the same and the earlier access tokens stay valid until
 * they expire: LoginRadius renews, it does not revoke (revoking is a call of its own). Refresh tokens do not
 * expire on the emulator; they end with the account.
 */
export function refreshSession(state: EmulatorState, refreshToken: string, lifetimeMs: number): IssuedToken | undefined {
  const session = Object.values(state.sessions).find((s) => s.refreshToken === refreshToken);
  if (session === undefined) return undefined;
  const accessToken = randomUUID();
  state.sessions[accessToken] = { uid: session.uid, refreshToken, expiresAt: emulatorNow(state) + lifetimeMs };
  return tokenAnswer(accessToken, state.sessions[accessToken]!);
}

/** Moves the expiry of a session's access token to `lifetimeMs` from now. */
export function extendSession(state: EmulatorState, accessToken: string, lifetimeMs: number): IssuedToken {
  const session = { ...state.sessions[accessToken]!, expiresAt: emulatorNow(state) + lifetimeMs };
  state.sessions[accessToken] = session;
  return tokenAnswer(accessToken, session);
}

/** Ends a session. */
export function invalidateToken(state: EmulatorState, accessToken: string): void {
  delete state.sessions[accessToken];
}

/** LoginRadius's `{ access_token, refresh_token, expires_in }` for a session. */
export function tokenAnswer(accessToken: string, session: EmulatedSession): IssuedToken {
  return { access_token: accessToken, refresh_token: session.refreshToken, expires_in: new Date(session.expiresAt).toISOString() };
}
