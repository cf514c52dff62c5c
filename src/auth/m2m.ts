/**
 * The Management API's machine-to-machine (M2M) credential: where the client gets the bearer token that the
 * `/v2/manage` endpoints (and, as an alternative, several `/identity/v2/manage` ones) accept. Either you give
 * the token, or the client runs the OAuth 2.0 client-credentials grant on the app's hub domain and keeps the
 * token until shortly before it expires.
 */
import type { OperationDescriptor } from '../operation';

/** An M2M token you obtain yourself: a fixed token, or a function the client asks before each call that needs one. */
export interface M2MTokenCredential {
  readonly token: string | (() => string | Promise<string>);
}

/**
 * An M2M client of your app (Admin Console → M2M apps): the client obtains tokens with the client-credentials
 * grant at `POST /service/oauth/token` on the hub domain (`config.hub`). The client secret is a secret like the
 * API secret: sent only in that request's body, redacted everywhere.
 */
export interface M2MClientCredential {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The API identifier the token is for, as configured for the M2M app. */
  readonly audience: string;
}

/** What `config.m2m` accepts. */
export type M2MCredential = M2MTokenCredential | M2MClientCredential;

/** Where a client gets its M2M tokens. */
export interface M2MTokenSource {
  /** The token to send; asked only for a call that will send it. */
  get(): Promise<string>;
  /** Forgets `token` after LoginRadius refused it (HTTP 401), so the next call obtains a fresh one. */
  refused(token: string): void;
}

/** The client-credentials grant (`generateM2MToken` in generated/operations/oauth-m2m.ts; a test keeps the two equal). */
export const M2M_TOKEN_OPERATION: OperationDescriptor = {
  id: 'generateM2MToken',
  method: 'POST',
  path: '/service/oauth/token',
  security: [['apiKey']],
  body: 'required',
  server: 'https://{tenant}.hub.loginradius.com',
  sensitive: ['access_token', 'client_secret'],
};

interface M2MTokenAnswer {
  readonly access_token?: unknown;
  readonly expire_in?: unknown;
  readonly expires_in?: unknown;
}

/** A token is renewed this long before LoginRadius says it expires, so no call carries one that lapses in flight. */
const RENEW_MARGIN_MS = 60_000;
/** When LoginRadius gives no usable lifetime, a token is trusted this long. */
const FALLBACK_LIFETIME_MS = 5 * 60_000;

/**
 * The token source for a validated credential. `requestToken` runs the grant (through the client, so it gets
 * the client's transport, timeouts, retries and redaction); one grant is in flight at a time per client.
 */
export function m2mTokenSource(
  credential: M2MCredential,
  requestToken: (body: Record<string, string>) => Promise<M2MTokenAnswer>,
  now: () => number = Date.now,
): M2MTokenSource {
  if ('token' in credential) {
    const { token } = credential;
    return { get: async () => (typeof token === 'string' ? token : token()), refused: () => undefined };
  }
  let cached: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;
  const obtain = async (): Promise<string> => {
    const sentAt = now();
    const answer = await requestToken({
      grant_type: 'client_credentials',
      client_id: credential.clientId,
      client_secret: credential.clientSecret,
      audience: credential.audience,
    });
    const token = typeof answer.access_token === 'string' ? answer.access_token : '';
    cached = { token, renewAt: sentAt + lifetimeMs(answer, token, sentAt) - RENEW_MARGIN_MS };
    return token;
  };
  return {
    get: () => {
      if (cached && now() < cached.renewAt) return Promise.resolve(cached.token);
      pending ??= obtain().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    refused: (token) => {
      if (cached?.token === token) cached = undefined;
    },
  };
}

/** The token's lifetime: `expire_in` (LoginRadius's spelling) or `expires_in` seconds, else the JWT's `exp`. */
function lifetimeMs(answer: M2MTokenAnswer, token: string, sentAt: number): number {
  const seconds = Number(answer.expire_in ?? answer.expires_in);
  if (Number.isFinite(seconds) && seconds > 0) return seconds * 1000;
  const exp = jwtExpiry(token);
  return exp === undefined ? FALLBACK_LIFETIME_MS : Math.max(0, exp * 1000 - sentAt);
}

function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    // atob decodes unpadded base64 (the forgiving-base64 rule), so only the base64url alphabet needs mapping.
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : undefined;
    // Stryker disable next-line BlockStatement: an empty catch also ends in `undefined`, the same answer
  } catch {
    return undefined;
  }
}
