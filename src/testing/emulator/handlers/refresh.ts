/** Renewing access tokens: from a refresh token (API secret) and by extending the token itself (API secret). */
import type { Handler } from '../context';
import { lrError } from '../errors';
import { ok, single } from '../http';
import { extendSession, refreshSession } from '../sessions';
import { withSession } from './tokens';

/**
 * `GET /identity/v2/manage/account/access_token/refresh?refresh_Token=`: a new access token for the session
 * (see `refreshSession` for what happens to the old one); an unknown refresh token is 1217.
 */
export const refreshAccessTokenByRefreshToken: Handler = ({ state, app, request }) => {
  const refreshToken = single(request.query.refresh_Token) ?? single(request.query.refresh_token);
  const token = refreshToken === undefined ? undefined : refreshSession(state, refreshToken, app.tokenLifetimeMs);
  return token === undefined ? lrError(1217) : ok(token);
};

/**
 * `GET /api/v2/access_token/refresh?access_token=`: the same token, valid for `expiresIn` minutes from now (the
 * app's token lifetime without it); an unknown or expired token is 905 / 906 as for every token call.
 */
export const refreshAccessToken: Handler = (context) =>
  withSession(context, (_session, accessToken) => {
    const minutes = Number(single(context.request.query.expiresIn));
    const lifetimeMs = Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : context.app.tokenLifetimeMs;
    return ok(extendSession(context.state, accessToken, lifetimeMs));
  });
