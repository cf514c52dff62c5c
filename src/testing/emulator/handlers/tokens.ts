/** Validating and invalidating access tokens, with the API key (Bearer token) or with the API secret (token in the query). */
import type { Handler, HandlerContext } from '../context';
import { lrError } from '../errors';
import { type EmulatedResponse, ok, single } from '../http';
import { invalidateToken, lookUpToken, tokenAnswer } from '../sessions';
import type { EmulatedSession } from '../state';

/** The access token of a request: the Bearer header, else the `access_token` query parameter. */
export function accessTokenOf(context: HandlerContext): string | undefined {
  const authorization = single(context.request.headers.authorization);
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
  return bearer ?? single(context.request.query.access_token);
}

/** Runs `then` with the request's valid session, or answers 905 (invalid) / 906 (expired). */
export function withSession(
  context: HandlerContext,
  then: (session: EmulatedSession, token: string) => EmulatedResponse,
): EmulatedResponse {
  const token = accessTokenOf(context);
  const found = lookUpToken(context.state, token);
  if (found.status === 'valid') return then(found.session, token!);
  return lrError(found.status === 'expired' ? 906 : 905);
}

/** `authValidateAccessToken` and `validateAccessToken`: the token with its expiry. */
export const validateToken: Handler = (context) => withSession(context, (session, token) => ok(tokenAnswer(token, session)));

/** `authInvalidateAccessToken` and `invalidateAccessToken`: ends the session. */
export const invalidateTokenHandler: Handler = (context) =>
  withSession(context, (_session, token) => {
    invalidateToken(context.state, token);
    return ok({ IsPosted: true });
  });
